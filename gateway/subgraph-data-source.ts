import type { KeyObject } from 'node:crypto';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { DELEGATION_HEADER, encodeIdentity, IDENTITY_HEADERS } from '../lib/auth';
import type { ErrorCode } from '../lib/errors';
import type { Logger } from '../lib/logging';
import { ACCESS_EXTENSION, REQUEST_ID_HEADER } from '../lib/subgraph';
import { grantFor } from './delegation/issue-grant';
import { withErrorPaths } from './fetch-errors';
import type { SubgraphCallContext } from './gateway-context';
import { sharingInFlightQueries } from './in-flight-queries';
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
  logger: Logger;
}

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
 * paths intact), and turns every transport failure or timeout into SUBGRAPH_UNAVAILABLE naming
 * the subgraph, never its address. Every error it hands @apollo/gateway has a path: one that
 * concerns the whole fetch is put at each field the fetch was to fill.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<SubgraphCallContext> {
  private readonly logger: Logger;
  private readonly signingKey: KeyObject;

  constructor(
    private readonly subgraph: string,
    url: string,
    { signingKey, connections, logger }: SubgraphCallOptions,
  ) {
    super({ url, fetcher: sharingInFlightQueries(signingFetcher(signingKey, subgraph, connections.fetch)) });
    this.logger = logger;
    this.signingKey = signingKey;
  }

  override willSendRequest({ request, context }: ProcessOptions): void {
    // Requests the gateway makes on its own behalf (none with a static supergraph) carry no context.
    if (!context?.caller) return;
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
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
    return withErrorPaths(await this.answer(options), options.request, this.unavailable);
  }

  private get unavailable() {
    const code: ErrorCode = 'SUBGRAPH_UNAVAILABLE';
    return { message: `The ${this.subgraph} subgraph is unavailable.`, extensions: { code } };
  }

  private async answer(options: ProcessOptions): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof ErrorStatusWithGraphQLBody) return error.response;
      // The cause names the URL: it belongs in the logs, not in the response.
      this.logger.warn(
        { subgraph: this.subgraph, requestId: options.context?.requestId, cause: error instanceof Error ? error.message : String(error) },
        'subgraph request failed',
      );
      return { errors: [this.unavailable] };
    }
  }

  override async errorFromResponse(response: FetchResponse): Promise<GraphQLError> {
    const body: unknown = await this.parseBody(response);
    if (isGraphQLResponse(body)) return new ErrorStatusWithGraphQLBody(body);
    return new GraphQLError(`HTTP ${response.status} ${response.statusText} from ${response.url}`);
  }
}
