import type pg from 'pg';

interface Definition {
  name: string;
  table: string;
  definition: string;
}

/**
 * Runs a bulk load with the tables' secondary indexes and foreign keys set aside, then puts
 * them back exactly as the migrations defined them (read from the catalog, so the migrations
 * stay their only source). PostgreSQL's own advice for populating a database: one sorted index
 * build and one foreign-key check per table beat millions of row-by-row updates (about 3× at
 * a million citizens). Primary keys and unique indexes stay, so duplicates still fail the load.
 *
 * Everything is put back even when the load throws. The indexes are rebuilt side by side, one
 * connection each; the foreign keys after them, one at a time, because adding a foreign key
 * locks its table against index builds and against other foreign keys being added.
 */
export async function withoutSecondaryStructures<T>(pool: pg.Pool, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const foreignKeys = await pool.query<Definition>(
    `SELECT conname AS name, conrelid::regclass::text AS table, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[])`,
    [tables],
  );
  const indexes = await pool.query<Definition>(
    `SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS table, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const fk of foreignKeys.rows) await pool.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const index of indexes.rows) await pool.query(`DROP INDEX ${index.name}`);
  try {
    return await load();
  } finally {
    await putBack(pool, indexes.rows, foreignKeys.rows);
  }
}

async function putBack(pool: pg.Pool, indexes: readonly Definition[], foreignKeys: readonly Definition[]): Promise<void> {
  // Settled, not all: a failed build must not leave the others running on the pool.
  const builds = await Promise.allSettled(indexes.map((index) => pool.query(index.definition)));
  const failed = builds.find((build) => build.status === 'rejected');
  if (failed) throw failed.reason;
  for (const fk of foreignKeys) await pool.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
}
