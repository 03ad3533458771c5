export { listenGraphQL, sendJson, type RunningHttpServer, type RouteHandler, type GraphQLHttpOptions, type GraphQLHttpRequest } from './graphql-http-server';
