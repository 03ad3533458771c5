import { sql } from 'kysely';
import { daysAgo, type OwnHealthSpec, type ReferenceHealth } from '../../../lib/data-health';
import { anyOf, type Database } from '../../../lib/db';
import type { Tables } from './tables';

/** Two years: servants are rated every year, so an e-dossier untouched for two is stale. */
const STALE_AFTER_DAYS = 2 * 365;

/** What civil-servants measures of its servants. */
export const CIVIL_SERVANTS_HEALTH: OwnHealthSpec = {
  database: 'civil-servants',
  table: 'civil_servants',
  personalIdColumns: ['personal_id'],
  requiredFields: [
    { field: 'CivilServant.position', column: 'position' },
    { field: 'CivilServant.rank', column: 'rank_code' },
  ],
  updatedAt: sql<Date>`updated_at`,
  staleness: { days: STALE_AFTER_DAYS, rule: "A servant's e-dossier not updated for two years (ratings are yearly)." },
  stale: sql<boolean>`updated_at < ${daysAgo(STALE_AFTER_DAYS)}`,
};

/** The servants of each province: the personal IDs residents checks. */
export async function servantIdsByProvince(db: Database<Tables>, provinceCodes: readonly string[]): Promise<{ provinceCode: string; personalId: string }[]> {
  return db.kysely
    .selectFrom('civil_servants')
    .select(['province_code as provinceCode', 'personal_id as personalId'])
    .where('province_code', '=', anyOf(provinceCodes))
    .execute();
}

/** Servants' agencies, checked against the agencies table (a foreign key keeps them whole; the check says so). */
export async function agenciesHealth(db: Database<Tables>, provinceCodes: readonly string[]): Promise<Map<string, ReferenceHealth>> {
  const { rows } = await sql<{ provinceCode: string; held: number; dangling: number }>`
    SELECT s.province_code AS "provinceCode", count(*)::int AS held,
           count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM agencies a WHERE a.code = s.agency_code))::int AS dangling
      FROM civil_servants s WHERE s.province_code = ${anyOf(provinceCodes)} GROUP BY 1`.execute(db.kysely);
  return new Map(
    provinceCodes.map((code) => {
      const row = rows.find((r) => r.provinceCode === code);
      return [code, { reference: 'CivilServant.agency', holder: 'civil-servants', target: 'civil-servants', held: row?.held ?? 0, malformed: 0, dangling: row?.dangling ?? 0 }];
    }),
  );
}

/** Of well-formed personal IDs, those of no servant. */
export async function missingServants(db: Database<Tables>, personalIds: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT k.id FROM unnest(${personalIds}::bpchar[]) AS k(id) WHERE NOT EXISTS (SELECT 1 FROM civil_servants WHERE personal_id = k.id)`.execute(db.kysely);
  return rows.map((row) => row.id);
}
