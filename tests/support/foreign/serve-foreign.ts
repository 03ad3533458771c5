import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { headerReader, MemoryReplayGuard, verifySignedRequest } from '../../../lib/auth';
import { listenGraphQL, type RunningHttpServer } from '../../../lib/http';
import type { ForeignContext } from './vaccinations';

export interface ForeignSubgraph {
  name: string;
  typeDefs: string;
  resolvers: object;
}

/** Whose personal data a response served, where the gateway reads it for the audit log (`extensions.lienthong.accessedCitizens`). */
const reportServedCitizens: ApolloServerPlugin<ForeignContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.accessedCitizens.size === 0) return;
        response.body.singleResult.extensions = { lienthong: { accessedCitizens: [...contextValue.accessedCitizens].sort() } };
      },
    };
  },
};

/**
 * Serves a foreign subgraph on an ephemeral port. With `gatewayKey` it answers only requests the
 * gateway signed for its name (LiênThông's reference verifier, lib/auth `verifySignedRequest`,
 * which a subgraph in another language ports: README "Adding a database"); without, it answers
 * anyone. No /health route: the gateway's /ready does without one.
 */
export async function serveForeign({ name, typeDefs, resolvers }: ForeignSubgraph, gatewayKey?: KeyObject): Promise<RunningHttpServer> {
  const apollo = new ApolloServer<ForeignContext>({
    schema: buildSubgraphSchema([{ typeDefs: parse(typeDefs), resolvers: resolvers as never }]),
    plugins: [ApolloServerPluginInlineTraceDisabled(), reportServedCitizens],
  });
  const replay = new MemoryReplayGuard();
  return listenGraphQL({
    apollo,
    host: '127.0.0.1',
    port: 0,
    context: async (req: IncomingMessage, payload: string) => ({
      caller: gatewayKey ? await verifySignedRequest({ publicKey: gatewayKey, subgraph: name, replay }, headerReader(req), payload) : null,
      accessedCitizens: new Set<string>(),
    }),
  });
}

/** Composes foreign subgraphs into a supergraph routing to the given URLs, as a ministry's own composer would. */
export function composeForeign(subgraphs: readonly { name: string; typeDefs: string; url: string }[]): string {
  const result = composeServices(subgraphs.map(({ name, typeDefs, url }) => ({ name, url, typeDefs: parse(typeDefs) })));
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}
