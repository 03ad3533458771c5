import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';

// Apollo Server's own view of a gateway (its package of these types is not a dependency of ours).
export type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
export type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
export type GatewayGraphQLRequestContext = Parameters<GatewayExecutor>[0];
export type GatewayExecutionResult = Awaited<ReturnType<GatewayExecutor>>;
export type SchemaLoadOrUpdateCallback = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];
export type SchemaContext = Parameters<SchemaLoadOrUpdateCallback>[0];
