import { sql } from 'kysely';
import { copyRows, withoutSecondaryStructures, type Database } from '../../../lib/db';
import type { SeedOptions } from '../../../lib/subgraph';
import { FAULTS, Faults, generateAgencies, generateCitizens, selectCivilServants } from '../../../lib/synthetic';
import { civilServantDetailsDrawer } from './civil-servant-details';
import type { Tables } from './tables';

const AGENCY_COLUMNS = ['code', 'name', 'level', 'province_code', 'parent_code'] as const;

const CIVIL_SERVANT_COLUMNS = [
  'personal_id', 'agency_code', 'province_code', 'employment_type', 'rank_code', 'salary_step', 'salary_coefficient', 'position',
  'start_date', 'performance_rating', 'education_level', 'party_member', 'declared_annual_income', 'health_status', 'updated_at',
] as const;

/**
 * Streams civil servants straight from the population generator into COPY: nothing is held in
 * memory. Planted faults (lib/synthetic/faults.ts): a blank position, an e-dossier last updated
 * six years ago; a clean one was updated within the year.
 */
function* civilServantRows({ seed, scale, asOf, faultRate }: SeedOptions) {
  const draw = civilServantDetailsDrawer(seed, asOf);
  const faults = new Faults(seed, faultRate);
  for (const person of selectCivilServants(generateCitizens(seed, scale, asOf), seed, asOf)) {
    const d = draw(person);
    const key = person.personalId;
    yield [
      person.personalId, person.agencyCode, person.provinceCode, d.employmentType, d.rank.code, d.salaryStep, d.salaryCoefficient.toFixed(2),
      faults.has(FAULTS.blankPosition, key) ? '' : d.position,
      d.startDate, d.performanceRating, d.educationLevel, d.partyMember, d.declaredAnnualIncome, d.healthStatus,
      faults.lastUpdated(FAULTS.staleServant, key, asOf),
    ] as const;
  }
}

/** Fills an empty database: every agency, then the civil servants picked from the synthetic population. */
export async function seedCivilServants(db: Database<Tables>, options: SeedOptions): Promise<void> {
  const agencies = generateAgencies().map((a) => [a.code, a.name, a.level, a.provinceCode, a.parentCode] as const);
  await withoutSecondaryStructures(db.pool, ['agencies', 'civil_servants'], async () => {
    await copyRows(db.pool, 'agencies', AGENCY_COLUMNS, agencies);
    await copyRows(db.pool, 'civil_servants', CIVIL_SERVANT_COLUMNS, civilServantRows(options));
  });
  // Fresh statistics, so the first queries after a bulk load get sensible plans.
  await sql`ANALYZE agencies, civil_servants`.execute(db.kysely);
}

export async function isEmpty(db: Database<Tables>): Promise<boolean> {
  const row = await db.kysely.selectFrom('civil_servants').select('personal_id').limit(1).executeTakeFirst();
  return row === undefined;
}
