export { listenGraphQL, sendJson, type RunningHttpServer, type RouteHandler, type GraphQLHttpOptions } from './graphql-http-server';
