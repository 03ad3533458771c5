import { Migrator, type Kysely, type Migration } from 'kysely';

/** Versioned migrations of one subgraph, keyed by a sortable name such as `001-citizens`. */
export type Migrations = Record<string, Migration>;

/** Brings the database to the newest migration; fails loudly, naming the migration that broke. */
export async function migrateToLatest(kysely: Kysely<unknown>, migrations: Migrations): Promise<void> {
  const migrator = new Migrator({ db: kysely, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
