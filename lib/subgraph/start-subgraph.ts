import type { KeyObject } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ReplayGuard, verifySignedRequest } from '../auth';
import type { Database } from '../db';
import { formatClientError } from '../errors';
import { listenGraphQL, sendJson, type RunningHttpServer } from '../http';
import { enforceFieldRules } from './field-rules';
import { requestContextFrom, type RequestContext } from './request-context';
import type { SubgraphDefinition } from './subgraph-definition';

export interface StartSubgraphOptions<Tables> {
  db: Database<Tables>;
  port: number;
  host?: string;
  /** The gateway's public key: only requests it signed are answered. */
  verifyKey: KeyObject;
}

/** The extension through which a subgraph tells the gateway whose personal data it served. */
export const ACCESS_EXTENSION = 'lienthong';

const reportAccess: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.accessedCitizens.size === 0) return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, [ACCESS_EXTENSION]: { accessedCitizens: [...contextValue.accessedCitizens].sort() } };
      },
    };
  },
};

/**
 * Serves a subgraph over HTTP: `/graphql`, answered only for requests the gateway signed
 * (`_entities` and `_service` included), with every field rule checked again from the signed
 * caller; and `/health`, which holds no data and also asks the database.
 */
export async function startSubgraph<Tables, Ctx extends RequestContext>(
  definition: SubgraphDefinition<Tables, Ctx>,
  { db, port, host = '127.0.0.1', verifyKey }: StartSubgraphOptions<Tables>,
): Promise<RunningHttpServer> {
  const apollo = new ApolloServer<Ctx>({
    schema: enforceFieldRules(await definition.buildSchema(), definition.dataSubjects),
    formatError: formatClientError,
    includeStacktraceInErrorResponses: false,
    // The process's own shutdown closes the server; Apollo's would exit before the pool drains.
    stopOnTerminationSignals: false,
    // Traces go to Apollo's hosted service, which a national deployment does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled(), reportAccess as ApolloServerPlugin<Ctx>],
  });
  const replay = new ReplayGuard();
  return listenGraphQL({
    apollo,
    host,
    port,
    context: async (req, payload) => {
      const header = (name: string) => {
        const value = req.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      const caller = verifySignedRequest(verifyKey, header, payload, replay);
      return definition.createContext(db, requestContextFrom(req, caller));
    },
    routes: {
      '/health': async (_req, res) => {
        try {
          await db.pool.query('SELECT 1');
          sendJson(res, 200, { status: 'ok', subgraph: definition.name });
        } catch {
          sendJson(res, 503, { status: 'unavailable', subgraph: definition.name });
        }
      },
    },
  });
}
