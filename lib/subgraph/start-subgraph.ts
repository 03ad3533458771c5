import type { KeyObject } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { headerReader, IDENTITY_HEADERS, ReplayGuard, verifySignedRequest, type Caller } from '../auth';
import type { Database } from '../db';
import { formatClientError } from '../errors';
import { listenGraphQL, sendJson, type RunningHttpServer } from '../http';
import { enforceFieldRules } from './field-rules';
import { reportAccess } from './report-access';
import { requestContextFrom, type RequestContext } from './request-context';
import type { SubgraphDefinition } from './subgraph-definition';

export interface StartSubgraphOptions<Tables> {
  db: Database<Tables>;
  port: number;
  host?: string;
  /** The gateway's public key: only requests it signed are answered. */
  verifyKey: KeyObject;
  /**
   * Benchmark harness only (bench/): a request carrying none of the signature headers runs as
   * this caller, so peer gateways, which cannot sign, can be measured on the same subgraphs; a
   * signed request is still verified. No process entry point (bin/, gateway/) ever sets it, and a
   * test checks that: a deployed subgraph answers only the gateway.
   */
  unsignedCaller?: Caller;
}

const SIGNATURE_HEADERS = Object.values(IDENTITY_HEADERS);

/**
 * Serves a subgraph over HTTP: `/graphql`, answered only for requests the gateway signed
 * (`_entities` and `_service` included), with every field rule checked again from the signed
 * caller; and `/health`, which holds no data and also asks the database.
 */
export async function startSubgraph<Tables, Ctx extends RequestContext>(
  definition: SubgraphDefinition<Tables, Ctx>,
  { db, port, host = '127.0.0.1', verifyKey, unsignedCaller }: StartSubgraphOptions<Tables>,
): Promise<RunningHttpServer> {
  const apollo = new ApolloServer<Ctx>({
    schema: enforceFieldRules(await definition.buildSchema(), definition.dataSubjects),
    formatError: formatClientError,
    includeStacktraceInErrorResponses: false,
    // The process's own shutdown closes the server; Apollo's would exit before the pool drains.
    stopOnTerminationSignals: false,
    // Traces go to Apollo's hosted service, which a national deployment does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled(), reportAccess<Ctx>()],
  });
  const replay = new ReplayGuard();
  return listenGraphQL({
    apollo,
    host,
    port,
    context: async (req, payload) => {
      const caller =
        unsignedCaller && SIGNATURE_HEADERS.every((name) => req.headers[name] === undefined)
          ? unsignedCaller
          : verifySignedRequest(verifyKey, headerReader(req), payload, replay);
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
