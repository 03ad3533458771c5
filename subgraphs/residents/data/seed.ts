import { copyRows, withoutSecondaryStructures, withTalliesRebuilt, type Database } from '../../../lib/db';
import type { SeedOptions } from '../../../lib/subgraph';
import { FAULTS, Faults, generateHouseholds, type SyntheticCitizen, type SyntheticHousehold } from '../../../lib/synthetic';
import { LIVING_COUNTS } from './population-tallies';
import type { CitizensTable, HouseholdsTable, ResidentsTables } from './tables';

type Cell = string | null;

/** Each column beside the generated field that fills it, so the two lists cannot drift apart. */
const HOUSEHOLD_COLUMNS: readonly (readonly [keyof HouseholdsTable, (h: SyntheticHousehold) => Cell])[] = [
  ['id', (h) => h.id],
  ['head_id', (h) => h.headId],
  ['province_code', (h) => h.provinceCode],
  ['commune_code', (h) => h.communeCode],
  ['address', (h) => h.address],
];

/** A citizen as seeded: the synthetic person, any faults planted in the row, and when it last changed. */
export interface SeededCitizen extends SyntheticCitizen {
  updatedAt: Date;
}

/**
 * The row a citizen is seeded as, with the faults planted in it (lib/synthetic/faults.ts): a
 * father nobody holds, a mother who is no personal ID, a blank address, a record last updated
 * six years ago. A clean record was last updated within the year before the seed's day.
 */
export function seededCitizen(citizen: SyntheticCitizen, faults: Faults, asOf: Date): SeededCitizen {
  const key = citizen.personalId;
  return {
    ...citizen,
    fatherId: faults.personalId({ dangling: FAULTS.danglingFather }, key, citizen.fatherId),
    motherId: faults.personalId({ malformed: FAULTS.malformedMother }, key, citizen.motherId),
    address: faults.has(FAULTS.blankAddress, key) ? '' : citizen.address,
    updatedAt: faults.lastUpdated(FAULTS.staleCitizen, key, asOf),
  };
}

const CITIZEN_COLUMNS: readonly (readonly [keyof CitizensTable, (c: SeededCitizen) => Cell])[] = [
  ['personal_id', (c) => c.personalId],
  ['surname', (c) => c.surname],
  ['middle_name', (c) => c.middleName],
  ['given_name', (c) => c.givenName],
  ['full_name', (c) => c.fullName],
  ['sex', (c) => c.sex],
  ['birth_date', (c) => c.birthDate],
  ['birth_registration_code', (c) => c.birthRegistrationCode],
  ['hometown_code', (c) => c.hometownCode],
  ['province_code', (c) => c.provinceCode],
  ['commune_code', (c) => c.communeCode],
  ['address', (c) => c.address],
  ['ethnicity', (c) => c.ethnicity],
  ['religion', (c) => c.religion],
  ['blood_type', (c) => c.bloodType],
  ['marital_status', (c) => c.maritalStatus],
  ['death_date', (c) => c.deathDate],
  ['household_id', (c) => c.householdId],
  ['relationship_to_head', (c) => c.relationshipToHead],
  ['father_id', (c) => c.fatherId],
  ['mother_id', (c) => c.motherId],
  ['spouse_id', (c) => c.spouseId],
  ['phone', (c) => c.phone],
  ['email', (c) => c.email],
  ['updated_at', (c) => c.updatedAt.toISOString()],
];

function* householdRows({ seed, scale, asOf }: SeedOptions): Generator<Cell[]> {
  for (const household of generateHouseholds(seed, scale, asOf)) yield HOUSEHOLD_COLUMNS.map(([, cell]) => cell(household));
}

function* citizenRows(options: SeedOptions): Generator<Cell[]> {
  const faults = new Faults(options.seed, options.faultRate);
  for (const household of generateHouseholds(options.seed, options.scale, options.asOf)) {
    for (const citizen of household.members) {
      const seeded = seededCitizen(citizen, faults, options.asOf);
      yield CITIZEN_COLUMNS.map(([, cell]) => cell(seeded));
    }
  }
}

/**
 * Streams the synthetic population into both tables with COPY. Each table walks its own
 * generator: generating is cheap (about 3 s per million citizens) next to holding every
 * household in memory until the other table is written.
 */
export async function seedPopulation(db: Database<ResidentsTables>, options: SeedOptions): Promise<void> {
  await withTalliesRebuilt(db.pool, [LIVING_COUNTS], () =>
    withoutSecondaryStructures(db.pool, ['households', 'citizens'], () =>
      Promise.all([
        copyRows(db.pool, 'households', HOUSEHOLD_COLUMNS.map(([column]) => column), householdRows(options)),
        copyRows(db.pool, 'citizens', CITIZEN_COLUMNS.map(([column]) => column), citizenRows(options)),
      ]),
    ),
  );
  // Fresh statistics, so the planner picks the indexes from the first query on; VACUUM also marks
  // pages all-visible, so the index of the living answers the age bands without the table.
  await db.pool.query('VACUUM (ANALYZE) households, citizens, living_counts');
}

export async function isPopulationEmpty(db: Database<ResidentsTables>): Promise<boolean> {
  const any = await db.kysely.selectFrom('citizens').select('personal_id').limit(1).executeTakeFirst();
  return any === undefined;
}
