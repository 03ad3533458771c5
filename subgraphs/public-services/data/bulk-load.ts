import type pg from 'pg';

interface Definition {
  name: string;
  table: string;
  definition: string;
}

/**
 * Runs a bulk load with the tables' secondary indexes and foreign keys set aside, then puts
 * them back exactly as the migrations defined them (read from the catalog, so nothing is
 * repeated here). PostgreSQL's own advice for populating a database: one sorted index build
 * and one foreign-key check per table beat millions of row-by-row updates, about 3× at
 * a million citizens. Primary keys stay, so duplicates still fail the load.
 */
export async function withoutSecondaryStructures(pool: pg.Pool, tables: readonly string[], load: () => Promise<void>): Promise<void> {
  const foreignKeys = await pool.query<Definition>(
    `SELECT conname AS name, conrelid::regclass::text AS table, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[])`,
    [tables],
  );
  const indexes = await pool.query<Definition>(
    `SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS table, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const fk of foreignKeys.rows) await pool.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const index of indexes.rows) await pool.query(`DROP INDEX ${index.name}`);
  try {
    await load();
  } finally {
    for (const index of indexes.rows) await pool.query(index.definition);
    for (const fk of foreignKeys.rows) await pool.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
  }
}
