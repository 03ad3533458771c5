import { sql, type RawBuilder } from 'kysely';

/**
 * `= ANY($1)` with the keys as one array parameter: the statement text is the same for one key
 * or a thousand, so a DataLoader batch is always exactly one prepared-shape statement.
 */
export const anyOf = <T>(keys: readonly T[]): RawBuilder<T> => sql<T>`ANY(${keys})`;

/** Lines rows up with the keys a DataLoader asked for; missing keys get `fallback`. */
export function alignToKeys<K, R, F>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K, fallback: F): (R | F)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? fallback);
}
