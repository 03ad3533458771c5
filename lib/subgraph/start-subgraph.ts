import type { KeyObject } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { IncomingMessage } from 'node:http';
import {
  headerReader,
  IDENTITY_HEADERS,
  MemoryReplayGuard,
  ReplayGuardUnavailable,
  verifySignedRequest,
  type Caller,
  type ReplayGuard,
  type SignatureCheck,
} from '../auth';
import { loadConfig, settings } from '../config';
import type { Database } from '../db';
import { AppError, formatClientError, logMaskedErrors } from '../errors';
import { exchangeOutcome, listenGraphQL, type RunningHttpServer } from '../http';
import { createLogger, type Logger } from '../logging';
import { metricsRoute, requestMetrics } from '../metrics';
import { lookupsOf, mutationsNeedGrant } from './delegation';
import { enforceFieldRules } from './field-rules';
import { subgraphHealthRoutes } from './readiness';
import { reportAccess } from './report-access';
import { requestContextFrom, type RequestContext } from './request-context';
import type { SubgraphDefinition } from './subgraph-definition';

export interface StartSubgraphOptions<Tables> {
  db: Database<Tables>;
  port: number;
  host?: string;
  /** The gateway's public key: only requests it signed for this subgraph are answered. */
  verifyKey: KeyObject;
  /**
   * The gateway's GraphQL URL (GATEWAY_URL), where mutations check references this subgraph does
   * not own; a function when it is known only later (tests start subgraphs before the gateway).
   */
  gatewayUrl?: string | (() => string);
  /**
   * The nonces of accepted requests. Every replica of the subgraph must share one
   * (`RedisReplayGuard`); by default they are kept in this process, which holds for one replica.
   */
  replayGuard?: ReplayGuard;
  logger?: Logger;
  /**
   * Benchmark harness only (bench/): a request carrying none of the signature headers runs as
   * this caller, so peer gateways, which cannot sign, can be measured on the same subgraphs; a
   * signed request is still verified. No process entry point (bin/, gateway/) ever sets it, and a
   * test checks that: a deployed subgraph answers only the gateway.
   */
  unsignedCaller?: Caller;
  /** Largest request body read (SUBGRAPH_MAX_REQUEST_MB). */
  maxRequestBytes?: number;
  /** Distinct operation names the request metrics keep (METRICS_MAX_OPERATION_NAMES). */
  maxOperationNames?: number;
  /** Longest wait for one reference look-up through the gateway (GATEWAY_LOOKUP_TIMEOUT_MS). */
  lookupTimeoutMs?: number;
}

const DEFAULTS = loadConfig({ maxRequestMb: settings.subgraphMaxRequestMb }, {});
const MEGABYTE = 1 << 20;

const SIGNATURE_HEADERS = Object.values(IDENTITY_HEADERS);

const noGatewayUrl = (subgraph: string): never => {
  throw new Error(`The ${subgraph} subgraph was started without the gateway's URL, so it cannot check references.`);
};

/**
 * The caller a request was signed for. When the nonce cannot be checked (Redis unreachable) the
 * request is refused, never let through: 503 SUBGRAPH_UNAVAILABLE, which the gateway passes on to
 * its client, and an error in this subgraph's log.
 */
async function signedCaller(check: SignatureCheck, req: IncomingMessage, payload: string, logger: Logger): Promise<Caller> {
  try {
    return await verifySignedRequest(check, headerReader(req), payload);
  } catch (error) {
    if (!(error instanceof ReplayGuardUnavailable)) throw error;
    logger.error({ requestId: requestContextFrom(req).requestId, cause: error.message }, 'refused a signed request whose nonce could not be checked (fail closed)');
    throw new AppError('SUBGRAPH_UNAVAILABLE', `The ${check.subgraph} subgraph is unavailable: it cannot check signed requests for replays.`, { http: { status: 503 } });
  }
}

/**
 * Serves a subgraph over HTTP: `/graphql`, answered only for requests the gateway signed for this
 * subgraph (`_entities` and `_service` included), with every field rule checked again from the
 * signed caller and mutations only under the gateway's delegation grant; `/health` (the process
 * runs), `/ready` (its database and its nonce store answer) and `/metrics`, which hold no data.
 */
export async function startSubgraph<Tables, Ctx extends RequestContext>(
  definition: SubgraphDefinition<Tables, Ctx>,
  {
    db,
    port,
    host = '127.0.0.1',
    verifyKey,
    gatewayUrl,
    unsignedCaller,
    replayGuard = new MemoryReplayGuard(),
    logger = createLogger(definition.name),
    maxRequestBytes = DEFAULTS.maxRequestMb * MEGABYTE,
    maxOperationNames = 200,
    lookupTimeoutMs,
  }: StartSubgraphOptions<Tables>,
): Promise<RunningHttpServer> {
  const gatewayUrlNow = typeof gatewayUrl === 'function' ? gatewayUrl : () => gatewayUrl ?? noGatewayUrl(definition.name);
  const apollo = new ApolloServer<Ctx>({
    schema: enforceFieldRules(await definition.buildSchema(), definition.dataSubjects),
    formatError: formatClientError,
    includeStacktraceInErrorResponses: false,
    // The process's own shutdown closes the server; Apollo's would exit before the pool drains.
    stopOnTerminationSignals: false,
    // Traces go to Apollo's hosted service, which a national deployment does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled(), reportAccess<Ctx>(), mutationsNeedGrant<Ctx>(), exchangeOutcome<Ctx>(), logMaskedErrors<Ctx>(logger)],
  });
  const check: SignatureCheck = { publicKey: verifyKey, subgraph: definition.name, replay: replayGuard };
  return listenGraphQL({
    apollo,
    host,
    port,
    // A data-health check sends the references a province's records hold elsewhere: more than a client's query.
    maxBodyBytes: maxRequestBytes,
    context: async (req, payload) => {
      const header = headerReader(req);
      const unsigned = unsignedCaller !== undefined && SIGNATURE_HEADERS.every((name) => req.headers[name] === undefined);
      const request = requestContextFrom(req, unsigned ? unsignedCaller : await signedCaller(check, req, payload, logger));
      const lookups = unsigned ? null : lookupsOf(header, { subgraph: definition.name, requestId: request.requestId, verifyKey, gatewayUrl: gatewayUrlNow, lookupTimeoutMs });
      return definition.createContext(db, { ...request, lookups });
    },
    routes: { ...subgraphHealthRoutes(definition.name, db as Database<unknown>, replayGuard), '/metrics': metricsRoute() },
    observe: requestMetrics(definition.name, maxOperationNames),
    logger,
  });
}
