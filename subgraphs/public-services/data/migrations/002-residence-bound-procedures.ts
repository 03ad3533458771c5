import { sql, type Kysely, type Migration } from 'kysely';
import { ESSENTIAL_PROCEDURES, isResidenceBound } from '../../../../lib/domain';

/**
 * Which procedures are filed only where the applicant resides. The catalog is seeded only into
 * an empty database, so a database seeded before this fact existed learns it here.
 */
export const residenceBoundProcedures: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE procedures ADD COLUMN residence_bound boolean NOT NULL DEFAULT false`.execute(db);
    const codes = ESSENTIAL_PROCEDURES.filter(isResidenceBound).map((p) => p.code);
    await sql`UPDATE procedures SET residence_bound = true WHERE code = ANY(${codes}::text[])`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`ALTER TABLE procedures DROP COLUMN residence_bound`.execute(db);
  },
};
