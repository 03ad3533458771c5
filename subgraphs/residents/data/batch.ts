/**
 * DataLoader batch functions must answer in the order of their keys; these line query rows up
 * with the keys that asked for them.
 */

/** One row per key, or null where no row has that key. */
export function alignByKey<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): (T | null)[] {
  const byKey = new Map<K, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Every row of each key, in row order; a row with several keys (a child of two parents) joins each group. */
export function groupByKeys<K, T>(keys: readonly K[], rows: readonly T[], keysOf: (row: T) => readonly (K | null)[]): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    for (const key of keysOf(row)) {
      if (key !== null) groups.get(key)?.push(row);
    }
  }
  return keys.map((key) => groups.get(key) ?? []);
}
