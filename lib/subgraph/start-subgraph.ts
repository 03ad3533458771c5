import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Database } from '../db';
import { formatClientError } from '../errors';
import { listenGraphQL, sendJson, type RunningHttpServer } from '../http';
import { requestContextFrom, type RequestContext } from './request-context';
import type { SubgraphDefinition } from './subgraph-definition';

export interface StartSubgraphOptions<Tables> {
  db: Database<Tables>;
  port: number;
  host?: string;
}

/** Serves a subgraph over HTTP: `/graphql` and `/health` (which also asks the database). */
export async function startSubgraph<Tables, Ctx extends RequestContext>(
  definition: SubgraphDefinition<Tables, Ctx>,
  { db, port, host = '127.0.0.1' }: StartSubgraphOptions<Tables>,
): Promise<RunningHttpServer> {
  const apollo = new ApolloServer<Ctx>({
    schema: await definition.buildSchema(),
    formatError: formatClientError,
    includeStacktraceInErrorResponses: false,
    // The process's own shutdown closes the server; Apollo's would exit before the pool drains.
    stopOnTerminationSignals: false,
    // Traces go to Apollo's hosted service, which a national deployment does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  return listenGraphQL({
    apollo,
    host,
    port,
    context: async (req) => definition.createContext(db, requestContextFrom(req)),
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
