import type { DocumentNode } from 'graphql';
import { loadConfig, settings, type ConfigOf } from '../../lib/config';
import { asKeyValueCache, BoundedCache, MEGABYTE, PARSED_BYTES_PER_SOURCE_BYTE, stringBytes } from './bounded-cache';

/** How much memory the gateway's caches may hold, and which documents are too long to cache at all. */
export const CACHE_SETTINGS = {
  authzDecisionCacheMb: settings.authzDecisionCacheMb,
  documentCacheMb: settings.documentCacheMb,
  queryPlanCacheMb: settings.queryPlanCacheMb,
  cacheableDocumentMaxBytes: settings.cacheableDocumentMaxBytes,
  aggregateCacheTtlMs: settings.aggregateCacheTtlMs,
  aggregateCacheMb: settings.aggregateCacheMb,
};

export type CacheConfig = ConfigOf<typeof CACHE_SETTINGS>;

export const cacheDefaults = (): CacheConfig => loadConfig(CACHE_SETTINGS, {});

/**
 * A query plan holds the subgraph operations as text plus their selections; its JSON form
 * is what @apollo/gateway's own cache counts, and the objects take about three times that.
 */
const PLAN_BYTES_PER_JSON_BYTE = 3;

/** Apollo Server's store of parsed, validated documents, bounded by what they hold in memory. */
export const documentStore = (config: CacheConfig) =>
  asKeyValueCache(
    new BoundedCache<DocumentNode>({
      name: 'documents',
      maxBytes: config.documentCacheMb * MEGABYTE,
      maxEntryBytes: config.cacheableDocumentMaxBytes * PARSED_BYTES_PER_SOURCE_BYTE,
      bytesOf: (document, key) => (document.loc?.end ?? 0) * PARSED_BYTES_PER_SOURCE_BYTE + stringBytes(key),
    }),
  );

/** @apollo/gateway's query plans, bounded the same way. */
export const queryPlanStore = <Plan extends NonNullable<unknown>>(config: CacheConfig) =>
  asKeyValueCache(
    new BoundedCache<Plan>({
      name: 'query_plans',
      maxBytes: config.queryPlanCacheMb * MEGABYTE,
      maxEntryBytes: config.cacheableDocumentMaxBytes * PARSED_BYTES_PER_SOURCE_BYTE,
      bytesOf: (plan, key) => JSON.stringify(plan).length * PLAN_BYTES_PER_JSON_BYTE + stringBytes(key),
    }),
  );
