import { sql, type Kysely, type Migration } from 'kysely';
import { createTally } from '../../../../lib/db';
import { DOSSIER_DAYS } from '../dossier-tallies';
import { OPEN_DOSSIER } from '../overdue';

/**
 * Dossier indicators from a tally by province and day (lib/db/tallies.ts) instead of the covering
 * index they scanned: at a million citizens a year of dossiers is 550,000 index entries (150 ms for
 * the 34 provinces' statistics, 400 ms by month), and the tally holds 12,000 rows. Open dossiers,
 * whose overdue flag moves with the clock, are few and counted live from a partial index.
 */
export const dossierTallies: Migration = {
  async up(db: Kysely<unknown>) {
    await createTally(db, DOSSIER_DAYS);
    await sql`CREATE INDEX dossiers_open_idx ON dossiers (province_code, submitted_at) INCLUDE (due_at) WHERE ${OPEN_DOSSIER}`.execute(db);
    await sql`DROP INDEX dossiers_statistics_idx`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`CREATE INDEX dossiers_statistics_idx ON dossiers (province_code, submitted_at) INCLUDE (channel, status, due_at, completed_at)`.execute(db);
    await sql`DROP INDEX dossiers_open_idx`.execute(db);
    await sql`DROP TABLE dossier_days`.execute(db);
    await sql`DROP FUNCTION dossier_days_apply()`.execute(db);
  },
};
