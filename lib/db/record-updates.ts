import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A migration giving a table `updated_at`, when each row last changed, for the data-health
 * report's freshness. Rows that existed before keep the day of the migration, which is the most
 * that is known of them; seeds and writes set it.
 */
export const updatedAtMigration = (table: string): Migration => ({
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT now()`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN updated_at`.execute(db);
  },
});
