export { listenGraphQL, sendJson, type RunningHttpServer, type RouteHandler, type GraphQLHttpOptions, type GraphQLHttpRequest } from './graphql-http-server';
export { type DrainOptions, type DrainResult } from './drain';
export { exchangeOutcome, type Exchange, type ExchangeReport } from './exchange';
