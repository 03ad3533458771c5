import { sql, type Kysely, type Migration } from 'kysely';
import { createTally } from '../../../../lib/db';
import { LIVING_COUNTS } from '../population-tallies';

/**
 * What the dashboards read of the population, fast at a million citizens: the living tally
 * (totals), the living by province, sex and birth date in an index that answers the age bands
 * without the table (150 → 90 ms for the 34 provinces, and a province alone in milliseconds),
 * and deaths by date, which the population series counts back from today.
 */
export const populationTallies: Migration = {
  async up(db: Kysely<unknown>) {
    await createTally(db, LIVING_COUNTS);
    await sql`CREATE INDEX citizens_living_birth_date ON citizens (province_code, sex, birth_date) WHERE death_date IS NULL`.execute(db);
    await sql`CREATE INDEX citizens_death_date ON citizens (death_date) WHERE death_date IS NOT NULL`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`DROP INDEX citizens_death_date`.execute(db);
    await sql`DROP INDEX citizens_living_birth_date`.execute(db);
    await sql`DROP TABLE living_counts`.execute(db);
    await sql`DROP FUNCTION living_counts_apply()`.execute(db);
  },
};
