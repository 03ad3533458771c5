import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';

/** The Federation 2 directives LiênThông subgraphs use, the authorization ones included. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@authenticated", "@requiresScopes", "@policy", "@cost", "@listSize"])`;

// Each subgraph types its own references and context; `never` lets any of them be passed here.
type ReferenceResolver = (reference: never, context: never, info: never) => unknown;

export interface FederatedSchemaOptions {
  // type-graphql takes resolver classes as plain constructors.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` of each entity this subgraph can resolve, by type name. */
  referenceResolvers?: Record<string, ReferenceResolver>;
}

/**
 * The one way a type-graphql subgraph becomes a federated schema: build with type-graphql,
 * print with directives (graphql's printer drops `@key`), add the Federation 2 link, and
 * hand SDL plus resolvers to `buildSubgraphSchema`.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  declareArgumentsInSourceOrder();
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}

/**
 * TypeScript runs parameter decorators last to first, so type-graphql records `@Arg`s in
 * reverse and would print `initiatePayment(idempotencyKey, method, dossierCode)`. Resolvers
 * call by each parameter's index, so ordering the records by index changes only the SDL.
 */
function declareArgumentsInSourceOrder(): void {
  const storage = (globalThis as { TypeGraphQLMetadataStorage?: { params?: { index: number }[] } }).TypeGraphQLMetadataStorage;
  storage?.params?.sort((a, b) => a.index - b.index);
}
