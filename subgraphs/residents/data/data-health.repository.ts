import { sql } from 'kysely';
import { daysAgo, wellFormedPersonalId, type OwnHealthSpec, type ReferenceHealth } from '../../../lib/data-health';
import { anyOf, type Database } from '../../../lib/db';
import type { ResidentsTables } from './tables';

/** Five years: a resident record not confirmed or changed for that long is stale. */
const STALE_AFTER_DAYS = 5 * 365;

/** What residents measures of its citizens. */
export const RESIDENTS_HEALTH: OwnHealthSpec = {
  database: 'residents',
  table: 'citizens',
  personalIdColumns: ['personal_id', 'father_id', 'mother_id', 'spouse_id'],
  requiredFields: [
    { field: 'Citizen.fullName', column: 'full_name' },
    { field: 'Citizen.address', column: 'address' },
    { field: 'Citizen.ethnicity', column: 'ethnicity' },
  ],
  updatedAt: sql<Date>`updated_at`,
  staleness: { days: STALE_AFTER_DAYS, rule: 'A resident record not updated for five years.' },
  stale: sql<boolean>`updated_at < ${daysAgo(STALE_AFTER_DAYS)}`,
};

const RELATIVES = [
  ['Citizen.father', 'father_id'],
  ['Citizen.mother', 'mother_id'],
  ['Citizen.spouse', 'spouse_id'],
] as const;

/**
 * Family links within the population database, checked in one statement for many provinces:
 * held, not well-formed, and well-formed but naming nobody the database holds.
 */
export async function relativesHealth(db: Database<ResidentsTables>, provinceCodes: readonly string[]): Promise<Map<string, ReferenceHealth[]>> {
  const columns = RELATIVES.flatMap(([, column], i) => {
    const ref = sql.ref(`c.${column}`);
    const wellFormed = wellFormedPersonalId(`c.${column}`);
    return [
      sql`count(${ref})::int AS ${sql.ref(`held${i}`)}`,
      sql`count(*) FILTER (WHERE ${ref} IS NOT NULL AND NOT ${wellFormed})::int AS ${sql.ref(`malformed${i}`)}`,
      sql`count(*) FILTER (WHERE ${wellFormed} AND NOT EXISTS (SELECT 1 FROM citizens r WHERE r.personal_id = ${ref}))::int AS ${sql.ref(`dangling${i}`)}`,
    ];
  });
  const { rows } = await sql<Record<string, number> & { provinceCode: string }>`
    SELECT c.province_code AS "provinceCode", ${sql.join(columns)} FROM citizens c WHERE c.province_code = ${anyOf(provinceCodes)} GROUP BY 1`.execute(db.kysely);
  return new Map(
    provinceCodes.map((code) => {
      const row = rows.find((r) => r.provinceCode === code);
      return [
        code,
        RELATIVES.map(([reference], i) => ({
          reference,
          holder: 'residents',
          target: 'residents',
          held: row?.[`held${i}`] ?? 0,
          malformed: row?.[`malformed${i}`] ?? 0,
          dangling: row?.[`dangling${i}`] ?? 0,
        })),
      ];
    }),
  );
}

/** Of well-formed personal IDs, those no citizen holds: the living and the dead alike exist. */
export async function missingCitizens(db: Database<ResidentsTables>, personalIds: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT k.id FROM unnest(${personalIds}::bpchar[]) AS k(id) WHERE NOT EXISTS (SELECT 1 FROM citizens WHERE personal_id = k.id)`.execute(db.kysely);
  return rows.map((row) => row.id);
}
