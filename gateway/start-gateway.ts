import { createPublicKey } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { Redis } from 'ioredis';
import type { AuditWriter } from '../lib/auth/audit-record';
import { loadConfig, settings } from '../lib/config';
import { logMaskedErrors } from '../lib/errors';
import { exchangeOutcome, listenGraphQL, type DrainOptions, type DrainResult } from '../lib/http';
import { createLogger, type Logger } from '../lib/logging';
import { metricsRoute } from '../lib/metrics';
import { AuthorizingGateway } from './access/authorizing-gateway';
import { createAggregateCache } from './aggregates/aggregate-cache';
import { admissionDefaults, createAdmission, type AdmissionConfig } from './admission/admission-config';
import { admissionFront } from './admission/admission-front';
import { admissionPlugin } from './admission/admission-plugin';
import { gatewayContextOf } from './delegation/delegated-context';
import { queriesOnlyUnderGrant } from './delegation/queries-only';
import { documentRequests } from './documents/document-requests';
import { formatGatewayError } from './format-gateway-error';
import type { GatewayContext } from './gateway-context';
import { healthRoutes } from './health-routes';
import type { GatewayIdentity } from './identity/gateway-identity';
import { cacheDefaults, documentStore, type CacheConfig } from './memory/cache-config';
import { observeRequests } from './observability/gateway-requests';
import { SubjectPseudonyms } from './observability/subject-pseudonyms';
import { loadPages } from './pages/page-routes';
import { loadPlayground } from './playground/assets';
import { requestIdPlugin } from './request-id-plugin';
import { checkTimeoutOverrides, createResilience, resilienceDefaults, type ResilienceConfig } from './resilience/resilience-config';
import { SubgraphConnections } from './subgraph-connections';
import { SubgraphDataSource } from './subgraph-data-source';
import { LiveSupergraph, type ReloadOutcome, type SupergraphStatus } from './supergraph/live-supergraph';
import { loadGeneration } from './supergraph/supergraph-generation';

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql), authorization directives included. */
  supergraphSdl: string;
  /**
   * GraphQL URLs overriding the supergraph's own (`join__graph`), by subgraph name or by the
   * `<NAME>` of SUBGRAPH_URL_<NAME>; only for subgraphs the supergraph has. None: route as it says.
   */
  subgraphUrls?: Readonly<Record<string, string>>;
  port: number;
  host?: string;
  logger?: Logger;
  /** Which tokens to trust and which key to sign subgraph requests with (`gatewayIdentity`). */
  identity: GatewayIdentity;
  /** Where each read of personal data is recorded before it is returned. */
  audit: AuditWriter;
  /** Refuse whole operations asking for fields the caller may not read (HTTP 403) instead of nulling them. */
  rejectUnauthorized?: boolean;
  /** Limits, demand control, budgets and trusted documents; the configuration's defaults for what is not given. */
  admission?: Partial<AdmissionConfig>;
  /** Memory the gateway's caches may hold; the configuration's defaults for what is not given. */
  caches?: Partial<CacheConfig>;
  /** Where gateway replicas share budgets; without it this process counts alone. */
  redis?: Redis | null;
  /** Prefix of every key the gateway keeps in Redis. */
  redisKeyPrefix?: string;
  /** LT_MODE: production enforces trusted documents unless TRUSTED_DOCUMENTS says otherwise. */
  mode?: 'development' | 'production';
  /** Time limits, retries and circuit breakers of subgraph calls; the configuration's defaults for what is not given. */
  resilience?: Partial<ResilienceConfig>;
  /** Kept-alive connections to each subgraph. */
  subgraphMaxConnections?: number;
  /** Origins whose pages may call `/graphql` from a browser (CORS_ALLOWED_ORIGINS). */
  corsOrigins?: readonly string[];
  /** How callers are named in the access log; default: a key of this process's own. */
  pseudonyms?: SubjectPseudonyms;
  /** One access-log line per request (ACCESS_LOG). */
  accessLog?: boolean;
  /** Distinct operation names the request metrics keep (METRICS_MAX_OPERATION_NAMES). */
  maxOperationNames?: number;
}

/** The configuration's defaults, for callers (tests) that give no value. */
const DEFAULTS = loadConfig(
  {
    rejectUnauthorized: settings.authzRejectUnauthorized,
    subgraphMaxConnections: settings.subgraphMaxConnections,
    corsOrigins: settings.corsAllowedOrigins,
    accessLog: settings.accessLog,
    maxOperationNames: settings.metricsMaxOperationNames,
  },
  {},
);

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  /** How many operations the access control has walked on the supergraph served; a decision served from its cache walks none. */
  readonly accessDecisionWalks: number;
  /** Stops gracefully: `/ready` 503 at once, no new connections after the delay, in-flight requests finished (or cut after the timeout). */
  drain(options: DrainOptions): Promise<DrainResult>;
  /** Which supergraph is served, since when, and how many reloads were applied or refused (for metrics). */
  readonly supergraph: SupergraphStatus;
  /**
   * Serves the supergraph `source` gives, if it can be served: built whole first, then switched to
   * at once; requests already running finish on the one before. One that cannot be served is
   * refused (logged and counted) and the one served stays.
   */
  reloadSupergraph(source: () => Promise<string>): Promise<ReloadOutcome>;
  close(): Promise<void>;
}

/**
 * Serves the federated graph: `/graphql` (a verified token required), `/health`, `/ready`,
 * `/metrics`, the playground at `/`, the dashboard at `/dashboard` and the citizen's page at `/me`
 * (open: they hold no data; what they show comes from `/graphql` with the caller's token).
 */
export async function startGateway({
  supergraphSdl,
  subgraphUrls = {},
  port,
  host = '127.0.0.1',
  logger = createLogger('gateway'),
  identity,
  audit,
  rejectUnauthorized = DEFAULTS.rejectUnauthorized,
  resilience = {},
  subgraphMaxConnections = DEFAULTS.subgraphMaxConnections,
  corsOrigins = DEFAULTS.corsOrigins,
  pseudonyms = SubjectPseudonyms.ephemeral(),
  accessLog = DEFAULTS.accessLog,
  maxOperationNames = DEFAULTS.maxOperationNames,
  admission = {},
  caches = {},
  redis = null,
  redisKeyPrefix,
  mode = 'development',
}: GatewayOptions): Promise<RunningGateway> {
  const cacheConfig = { ...cacheDefaults(), ...caches };
  const admissionConfig = { ...admissionDefaults(), ...admission };
  const resilienceConfig = { ...resilienceDefaults(), ...resilience };
  const resilient = createResilience(resilienceConfig);
  const connections = new SubgraphConnections({ timeoutMs: resilienceConfig.subgraphTimeoutMs, maxConnectionsPerSubgraph: subgraphMaxConnections });
  // @apollo/gateway otherwise reports usage metrics to Apollo and probes cloud metadata services
  // (AWS, GCP, Azure) at start-up; a gateway over national databases calls nobody but its subgraphs.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  // Rules, cost model, routing and plans come from the supergraph, together, and are replaced together on a reload.
  const supergraph = await LiveSupergraph.start(
    supergraphSdl,
    (sdl) =>
      loadGeneration(sdl, {
        subgraphUrls,
        buildService: (name, url) => new SubgraphDataSource(name, url, { signingKey: identity.signingKey, connections, resilience: resilient.of(name), logger }),
        caches: cacheConfig,
        logger,
      }),
    logger,
  );
  const admitting = createAdmission({ config: admissionConfig, costModelFor: (schema) => supergraph.generationOf(schema).costModel, mode, redis, redisKeyPrefix, logger });
  checkTimeoutOverrides(resilienceConfig, Object.keys(supergraph.served.endpoints));
  const gateway = new AuthorizingGateway(supergraph, {
    rejectUnauthorized,
    audit,
    logger,
    operationTimeoutMs: resilienceConfig.operationTimeoutMs,
    aggregates: createAggregateCache({ ttlMs: cacheConfig.aggregateCacheTtlMs, megabytes: cacheConfig.aggregateCacheMb, redis, logger }),
    aggregateTtlMs: cacheConfig.aggregateCacheTtlMs,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    // main.ts closes the HTTP server and Apollo together; Apollo's own handler would re-raise the signal and kill the process first.
    stopOnTerminationSignals: false,
    // The playground needs the schema; the token every /graphql request needs covers introspection too.
    introspection: true,
    documentStore: documentStore(cacheConfig),
    // Documents named by hash come from the trusted-documents manifest; Apollo's own persisted
    // queries would let any client store any document in the gateway's memory.
    persistedQueries: false,
    // No landing page (it loads from a CDN) and no reporting to Apollo, even if an APOLLO_KEY is set.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      requestIdPlugin,
      exchangeOutcome<GatewayContext>(),
      logMaskedErrors<GatewayContext>(logger),
      queriesOnlyUnderGrant,
      ...(admissionConfig.admissionChecks ? [admissionPlugin(admitting)] : []),
    ],
  });
  // Grants the gateway issued come back with subgraphs' look-ups: it verifies them with its own key.
  const grantKey = createPublicKey(identity.signingKey);
  const server = await listenGraphQL({
    apollo,
    host,
    port,
    // A missing or invalid token (or grant) throws UNAUTHENTICATED with HTTP 401 here, before anything is parsed or run.
    context: (req) => gatewayContextOf(req, identity.authenticate, grantKey),
    // Without the checks (a benchmark measuring them), documents named by hash still resolve.
    prepare: admissionConfig.admissionChecks ? admissionFront(admitting) : documentRequests(admitting.documents),
    routes: {
      ...healthRoutes(() => supergraph.served.endpoints, { refuseUnsigned: mode === 'production', audit, logger }),
      '/metrics': metricsRoute(),
      ...(await loadPlayground()),
      // /me groups a citizen's record by the database each field comes from, as the supergraph it started on says.
      ...(await loadPages(supergraphSdl)),
    },
    corsOrigins,
    maxBodyBytes: admissionConfig.requestMaxBytes,
    observe: observeRequests({ logger, pseudonyms, accessLog, maxOperationNames }),
    logger,
  });
  const stopCalls = () => {
    connections.close();
    resilient.close();
  };
  return {
    url: server.url,
    port: server.port,
    get accessDecisionWalks() {
      return gateway.accessDecisions.walks;
    },
    drain: async (options) => {
      const result = await server.drain(options);
      stopCalls();
      return result;
    },
    get supergraph() {
      return supergraph.status;
    },
    reloadSupergraph: (source) => supergraph.reload(source),
    close: async () => {
      await server.close();
      stopCalls();
    },
  };
}
