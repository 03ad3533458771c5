import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { AppError } from '../lib/errors';
import type { Logger } from '../lib/logging';
import { REQUEST_ID_HEADER, type RequestContext } from '../lib/subgraph';

type ProcessOptions = Parameters<RemoteGraphQLDataSource<RequestContext>['process']>[0];
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource<RequestContext>['process']>>;
type FetchResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

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

/**
 * How the gateway talks to one subgraph: forwards the request id, passes the subgraph's own
 * GraphQL errors through (codes and paths intact), and turns every transport failure into
 * SUBGRAPH_UNAVAILABLE naming the subgraph, never its address.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RequestContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly logger: Logger,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: ProcessOptions): void {
    // Requests the gateway makes on its own behalf (none with a static supergraph) carry no context.
    if (context?.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  override async process(options: ProcessOptions): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof ErrorStatusWithGraphQLBody) return error.response;
      // The cause names the URL: it belongs in the logs, not in the response.
      this.logger.warn(
        { subgraph: this.subgraph, requestId: options.context?.requestId, cause: error instanceof Error ? error.message : String(error) },
        'subgraph request failed',
      );
      throw new AppError('SUBGRAPH_UNAVAILABLE', `The ${this.subgraph} subgraph is unavailable.`);
    }
  }

  override async errorFromResponse(response: FetchResponse): Promise<GraphQLError> {
    const body: unknown = await this.parseBody(response);
    if (isGraphQLResponse(body)) return new ErrorStatusWithGraphQLBody(body);
    return new GraphQLError(`HTTP ${response.status} ${response.statusText} from ${response.url}`);
  }
}
