import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { listenGraphQL } from '../lib/http';
import { createLogger, type Logger } from '../lib/logging';
import { requestContextFrom, type RequestContext } from '../lib/subgraph';
import { formatGatewayError } from './format-gateway-error';
import { healthRoutes } from './health-routes';
import { loadPlayground } from './playground/assets';
import { requestIdPlugin } from './request-id-plugin';
import { SubgraphDataSource } from './subgraph-data-source';
import { subgraphEndpoints } from './subgraph-endpoints';

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** GraphQL URL of each subgraph by its name in the supergraph; the supergraph's own URLs are defaults. */
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
  logger?: Logger;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves the federated graph: `/graphql`, `/health`, `/ready` and the playground at `/`. */
export async function startGateway({
  supergraphSdl,
  subgraphUrls,
  port,
  host = '127.0.0.1',
  logger = createLogger('gateway'),
}: GatewayOptions): Promise<RunningGateway> {
  const endpoints = subgraphEndpoints(supergraphSdl, subgraphUrls);
  // @apollo/gateway otherwise reports usage metrics to Apollo and probes cloud metadata services
  // (AWS, GCP, Azure) at start-up; a gateway over national databases calls nobody but its subgraphs.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => new SubgraphDataSource(name, endpoints[name] ?? String(url), logger),
  });
  const apollo = new ApolloServer<RequestContext>({
    gateway,
    logger,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    // main.ts closes the HTTP server and Apollo together; Apollo's own handler would re-raise the signal and kill the process first.
    stopOnTerminationSignals: false,
    // The playground at `/` needs the schema.
    introspection: true,
    // No landing page (it loads from a CDN) and no reporting to Apollo, even if an APOLLO_KEY is set.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      requestIdPlugin,
    ],
  });
  const server = await listenGraphQL({
    apollo,
    host,
    port,
    context: async (req) => requestContextFrom(req),
    routes: { ...healthRoutes(endpoints), ...(await loadPlayground()) },
  });
  return { url: server.url, port: server.port, close: () => server.close() };
}
