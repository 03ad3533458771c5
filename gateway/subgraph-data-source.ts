import type { KeyObject } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { DELEGATION_HEADER, encodeIdentity, IDENTITY_HEADERS } from '../lib/auth';
import type { ErrorCode } from '../lib/errors';
import type { Logger } from '../lib/logging';
import { histogram, LATENCY_BUCKETS } from '../lib/metrics';
import { injectTraceContext } from '../lib/telemetry';
import { ACCESS_EXTENSION, REQUEST_ID_HEADER } from '../lib/subgraph';
import { grantFor } from './delegation/issue-grant';
import { withErrorPaths } from './fetch-errors';
import type { SubgraphCallContext } from './gateway-context';
import { sharingInFlightQueries } from './in-flight-queries';
import { DEADLINE_HEADER, SubgraphTimeout } from './resilience/call-deadline';
import { resilientFetcher, type SubgraphResilience } from './resilience/resilient-fetcher';
import { BreakerOpen } from './resilience/subgraph-breaker';
import { signingFetcher } from './signing-fetcher';
import type { SubgraphConnections } from './subgraph-connections';

type ProcessOptions = Parameters<RemoteGraphQLDataSource<SubgraphCallContext>['process']>[0];
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource<SubgraphCallContext>['process']>>;
type ReceivedResponse = Parameters<NonNullable<RemoteGraphQLDataSource<SubgraphCallContext>['didReceiveResponse']>>[0];
type FetchResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

export interface SubgraphCallOptions {
  /** The gateway's Ed25519 key: every request carries the caller, signed. */
  signingKey: KeyObject;
  connections: SubgraphConnections;
  /** This subgraph's time limit, retries and circuit breaker. */
  resilience: SubgraphResilience;
  logger: Logger;
}

const fetchDurations = histogram({
  name: 'lienthong_gateway_subgraph_fetch_duration_seconds',
  help: 'Subgraph fetches (retries included), by subgraph and outcome: ok, errors (answered with GraphQL errors), unavailable, timeout, breaker_open',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
});

const FETCH_OUTCOMES = ['ok', 'errors', 'unavailable', 'timeout', 'breaker_open'] as const;
type FetchOutcome = (typeof FETCH_OUTCOMES)[number];
type Durations = Record<FetchOutcome, { observe(seconds: number): void }>;

/** One subgraph's fetch histograms, one per outcome, bound once: nothing is looked up per fetch. */
const durationsOf = (subgraph: string) => {
  const durations = {} as Durations;
  for (const outcome of FETCH_OUTCOMES) durations[outcome] = fetchDurations.labels(subgraph, outcome);
  return durations;
};

/** Why a fetch got no answer, as the client's error code and the metric's outcome. */
const failureOf = (error: unknown): { code: ErrorCode; outcome: FetchOutcome } =>
  error instanceof SubgraphTimeout
    ? { code: 'SUBGRAPH_TIMEOUT', outcome: 'timeout' }
    : { code: 'SUBGRAPH_UNAVAILABLE', outcome: error instanceof BreakerOpen ? 'breaker_open' : 'unavailable' };

/**
 * A non-2xx answer that is still a GraphQL response. Apollo Server answers 400 when a variable
 * fails coercion (a malformed personal ID, say); the errors in that body are the client's to see.
 */
class ErrorStatusWithGraphQLBody extends GraphQLError {
  constructor(readonly response: SubgraphResponse) {
    super('Subgraph answered a GraphQL response with an error status.');
  }
}

const isGraphQLResponse = (body: unknown): body is SubgraphResponse =>
  typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors);

/** The personal IDs a subgraph says it served (`extensions.lienthong.accessedCitizens`), for the audit log. */
const accessedCitizensOf = (response: SubgraphResponse): string[] => {
  const listed: unknown = (response.extensions?.[ACCESS_EXTENSION] as { accessedCitizens?: unknown } | undefined)?.accessedCitizens;
  return Array.isArray(listed) ? listed.filter((id): id is string => typeof id === 'string') : [];
};

/**
 * How the gateway talks to one subgraph: forwards the request id and the signed caller (with a
 * delegation grant when it forwards a mutation), collects
 * whose personal data the subgraph served, passes its own GraphQL errors through (codes and
 * paths intact), and turns every transport failure into SUBGRAPH_UNAVAILABLE and every timeout
 * (its own limit or the operation's deadline) into SUBGRAPH_TIMEOUT, naming the subgraph, never
 * its address. Calls are bounded, retried and cut short by its breaker (resilience/). Every
 * error it hands @apollo/gateway has a path: one that concerns the whole fetch is put at each
 * field the fetch was to fill.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<SubgraphCallContext> {
  private readonly logger: Logger;
  private readonly signingKey: KeyObject;
  private readonly durations: Durations;

  constructor(
    private readonly subgraph: string,
    url: string,
    { signingKey, connections, resilience, logger }: SubgraphCallOptions,
  ) {
    // Signing is redone for every attempt, so a retried call carries a fresh nonce.
    super({ url, fetcher: sharingInFlightQueries(resilientFetcher(signingFetcher(signingKey, subgraph, connections.fetch), resilience)) });
    this.logger = logger;
    this.signingKey = signingKey;
    this.durations = durationsOf(subgraph);
  }

  override willSendRequest({ request, context }: ProcessOptions): void {
    // Requests the gateway makes on its own behalf (none with a static supergraph) carry no context.
    if (!context?.caller) return;
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    request.http?.headers.set(DEADLINE_HEADER, String(context.deadline));
    injectTraceContext((name, value) => request.http?.headers.set(name, value));
    const identity = encodeIdentity(context.caller);
    request.http?.headers.set(IDENTITY_HEADERS.identity, identity);
    const grant = grantFor(this.signingKey, context as SubgraphCallContext, identity, this.subgraph, request.query);
    if (grant) request.http?.headers.set(DELEGATION_HEADER, grant);
  }

  override async didReceiveResponse({ response, context }: ReceivedResponse): Promise<SubgraphResponse> {
    for (const citizen of accessedCitizensOf(response)) context.accessedCitizens.add(citizen);
    return response;
  }

  override async process(options: ProcessOptions): Promise<SubgraphResponse> {
    const started = performance.now();
    const { response, outcome } = await this.answer(options);
    this.durations[outcome].observe((performance.now() - started) / 1000);
    return withErrorPaths(response, options.request, this.failed('SUBGRAPH_UNAVAILABLE'));
  }

  private failed(code: ErrorCode) {
    const message = code === 'SUBGRAPH_TIMEOUT' ? `The ${this.subgraph} subgraph did not answer in time.` : `The ${this.subgraph} subgraph is unavailable.`;
    return { message, extensions: { code } };
  }

  private async answer(options: ProcessOptions): Promise<{ response: SubgraphResponse; outcome: FetchOutcome }> {
    try {
      const response = await super.process(options);
      return { response, outcome: response.errors?.length ? 'errors' : 'ok' };
    } catch (error) {
      if (error instanceof ErrorStatusWithGraphQLBody) return { response: error.response, outcome: 'errors' };
      const { code, outcome } = failureOf(error);
      // The cause names the URL: it belongs in the logs, not in the response.
      this.logger.warn(
        { subgraph: this.subgraph, requestId: options.context?.requestId, outcome, cause: error instanceof Error ? error.message : String(error) },
        'subgraph request failed',
      );
      return { response: { errors: [this.failed(code)] }, outcome };
    }
  }

  override async errorFromResponse(response: FetchResponse): Promise<GraphQLError> {
    const body: unknown = await this.parseBody(response);
    if (isGraphQLResponse(body)) return new ErrorStatusWithGraphQLBody(body);
    return new GraphQLError(`HTTP ${response.status} ${response.statusText} from ${response.url}`);
  }
}
