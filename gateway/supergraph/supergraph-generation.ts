import { createHash } from 'node:crypto';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { Logger } from '../../lib/logging';
import { AccessDecisions } from '../access/access-decisions';
import { checkRuleCoverage } from '../access/rule-coverage';
import { secureSupergraph, type FieldRules } from '../access/supergraph-security';
import { readCostModel, type CostModel } from '../cost/cost-model';
import { MEGABYTE } from '../memory/bounded-cache';
import { queryPlanStore, type CacheConfig } from '../memory/cache-config';
import { subgraphEndpoints } from '../subgraph-endpoints';
import type { GatewayExecutor, SchemaContext } from './gateway-types';

/** What a generation needs besides its supergraph: where subgraphs are, how to call one, cache sizes. */
export interface GenerationOptions {
  /** URL overrides by subgraph name or `<NAME>` (SUBGRAPH_URL_<NAME>); the supergraph's own URLs otherwise. */
  subgraphUrls: Readonly<Record<string, string>>;
  /** The data source that calls one subgraph (signed, timed, pooled). */
  buildService(name: string, url: string): GraphQLDataSource;
  caches: CacheConfig;
  logger: Logger;
}

/**
 * Everything the gateway derives from one supergraph, made together and replaced together: the
 * field rules and access decisions, the cost model, the subgraphs' URLs, @apollo/gateway's
 * schema, query planner and plan cache. A request runs wholly on the generation it was
 * validated against.
 */
export interface SupergraphGeneration {
  /** The first 12 hex digits of the supergraph text's SHA-256: names it in logs. */
  readonly id: string;
  readonly rules: FieldRules;
  readonly costModel: CostModel;
  /** Each subgraph's GraphQL URL, by its name in the supergraph. */
  readonly endpoints: Readonly<Record<string, string>>;
  /** What Apollo Server validates requests against, and how a request finds its generation again. */
  readonly schemaContext: SchemaContext;
  readonly decisions: AccessDecisions;
  readonly execute: GatewayExecutor;
  /** Releases @apollo/gateway; requests already executing on it finish (its executor keeps its planner and data sources). */
  stop(): Promise<void>;
}

export const supergraphId = (supergraphSdl: string): string => createHash('sha256').update(supergraphSdl).digest('hex').slice(0, 12);

/**
 * Builds a generation from a composed supergraph, or throws why it cannot serve it: an
 * authorization directive the gateway would not enforce, a field clients reach without any access
 * rule, a URL override for a subgraph it does not have, a supergraph @apollo/gateway refuses.
 */
export async function loadGeneration(supergraphSdl: string, { subgraphUrls, buildService, caches, logger }: GenerationOptions): Promise<SupergraphGeneration> {
  const { rules, executableSdl } = secureSupergraph(supergraphSdl);
  checkRuleCoverage(executableSdl, rules);
  const endpoints = subgraphEndpoints(executableSdl, subgraphUrls);
  const costModel = readCostModel(supergraphSdl);
  const gateway = new ApolloGateway({
    supergraphSdl: executableSdl,
    logger,
    // A request header would otherwise make @apollo/gateway answer with its query plan: internal layout.
    __exposeQueryPlanExperimental: false,
    // A plan cache of its own: plans of another supergraph must never be reused.
    queryPlannerConfig: { cache: queryPlanStore(caches) },
    buildService: ({ name, url }) => buildService(name, endpoints[name] ?? String(url)),
  });
  let loaded: SchemaContext | undefined;
  gateway.onSchemaLoadOrUpdate((context) => (loaded = context));
  const { executor } = await gateway.load();
  if (!executor || !loaded) throw new Error('@apollo/gateway loaded without a schema or an executor');
  return {
    id: supergraphId(supergraphSdl),
    rules,
    costModel,
    endpoints,
    schemaContext: loaded,
    decisions: new AccessDecisions(loaded.apiSchema, rules, { maxBytes: caches.authzDecisionCacheMb * MEGABYTE, maxDocumentBytes: caches.cacheableDocumentMaxBytes }),
    execute: executor,
    stop: () => gateway.stop(),
  };
}
