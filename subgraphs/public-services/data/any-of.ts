import { sql, type RawBuilder } from 'kysely';

/**
 * `= ANY($1)` with the keys as one array parameter: one statement and one cached plan
 * for a batch of any size (an `IN` list would be a new statement text per size).
 */
export const anyOf = (keys: readonly string[]): RawBuilder<string> => sql<string>`ANY(${[...keys]}::text[])`;
