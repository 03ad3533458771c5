import { LRUCache } from 'lru-cache';
import { counter } from '../../lib/metrics';

export interface BoundedCacheOptions<V> {
  /** Most bytes the cache may hold, as `bytesOf` estimates them. */
  maxBytes: number;
  /** Largest single entry kept: anything bigger is never cached, so one huge value cannot flush the rest. */
  maxEntryBytes: number;
  /** Estimated memory an entry holds on to, its key included. */
  bytesOf(value: V, key: string): number;
  /** Names the cache in the metrics of hits and misses. */
  name: string;
}

const lookups = counter({ name: 'lienthong_gateway_cache_lookups_total', help: 'Look-ups in the gateway\'s caches (documents, plans, access decisions, verified tokens), hit or miss', labelNames: ['cache', 'result'] as const });

/**
 * A least-recently-used cache bounded by the memory its entries hold, not by their number:
 * a cache counted in entries lets a few large entries take the process's memory. Also serves
 * as Apollo's `KeyValueCache` (documents, query plans), whose methods may be async.
 */
export class BoundedCache<V extends NonNullable<unknown>> {
  private readonly entries: LRUCache<string, V>;
  private readonly hits: { inc(): void };
  private readonly misses: { inc(): void };

  constructor(options: BoundedCacheOptions<V>) {
    this.hits = lookups.labels(options.name, 'hit');
    this.misses = lookups.labels(options.name, 'miss');
    this.entries = new LRUCache<string, V>({
      maxSize: options.maxBytes,
      maxEntrySize: options.maxEntryBytes,
      // lru-cache refuses a size of 0; every entry costs at least its bookkeeping.
      sizeCalculation: (value, key) => Math.max(1, Math.ceil(options.bytesOf(value, key))),
    });
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    (value === undefined ? this.misses : this.hits).inc();
    return value;
  }

  /** Keeps the entry unless it alone is larger than `maxEntryBytes`. */
  set(key: string, value: V): void {
    this.entries.set(key, value);
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Estimated bytes held now. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  get size(): number {
    return this.entries.size;
  }
}

export const MEGABYTE = 1024 * 1024;

/** Bytes a UTF-16 string occupies on the heap, roughly. */
export const stringBytes = (text: string): number => text.length * 2;

/**
 * Heap a parsed document holds per byte of its source, measured with graphql 16: its
 * locations keep every token in a linked list, about 68 bytes of heap per source byte.
 */
export const PARSED_BYTES_PER_SOURCE_BYTE = 70;

/** The asynchronous face Apollo Server and @apollo/gateway ask of their document and query-plan caches. */
export const asKeyValueCache = <V extends NonNullable<unknown>>(cache: BoundedCache<V>) => ({
  get: async (key: string) => cache.get(key),
  set: async (key: string, value: V) => cache.set(key, value),
  delete: async (key: string) => cache.delete(key),
  // @apollo/gateway empties its plan cache when the schema changes.
  clear: () => cache.clear(),
});
