import { sql, type RawBuilder } from 'kysely';
import { histogram, SIZE_BUCKETS } from '../metrics/registry';

/** Keys per DataLoader batch: every keyed batch of every subgraph lines its rows up through the two functions below. */
const batchSizes = histogram({ name: 'lienthong_dataloader_batch_size', help: 'Keys per DataLoader batch (one SQL statement each)', buckets: SIZE_BUCKETS });

/**
 * `= ANY($1)` with the keys as one array parameter: the statement text is the same for one key
 * or a thousand, so a DataLoader batch is always one statement with one cached plan (an `IN`
 * list would be a new statement text per batch size). No cast on purpose: PostgreSQL types the
 * array from the column it is compared with, so a `char(n)` column keeps its index, where
 * `::text[]` would compare the column as text and scan.
 */
export const anyOf = <T>(keys: readonly T[]): RawBuilder<T> => sql<T>`ANY(${keys})`;

/*
 * DataLoader batch functions must answer in the order of their keys; these line query rows up
 * with the keys that asked for them.
 */

/** One row per key, or null where no row has that key. */
export function alignByKey<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): (T | null)[] {
  batchSizes.observe(keys.length);
  const byKey = new Map<K, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Every row of each key, in row order; a row with several keys (a child of two parents) joins each group. */
export function groupByKeys<K, T>(keys: readonly K[], rows: readonly T[], keysOf: (row: T) => readonly (K | null)[]): T[][] {
  batchSizes.observe(keys.length);
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    for (const key of keysOf(row)) {
      if (key !== null) groups.get(key)?.push(row);
    }
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** A DataLoader per argument value, and a way to forget them all (after a write). */
export interface LoadersByArgument<A, L> {
  (argument: A): L;
  clearAll(): void;
}

/**
 * One DataLoader per distinct argument value (a page size, a period, a series), created on first
 * use: loads with the same argument batch into one statement, different arguments never mix.
 */
export function perArgument<A, L>(keyOf: (argument: A) => string, create: (argument: A) => L): LoadersByArgument<A, L> {
  const loaders = new Map<string, L>();
  const loaderFor = (argument: A): L => {
    const key = keyOf(argument);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(argument);
      loaders.set(key, loader);
    }
    return loader;
  };
  return Object.assign(loaderFor, { clearAll: () => loaders.clear() });
}
