import { sql } from 'kysely';
import { anyOf, type Database } from '../../../lib/db';
import { AGENCY_LEVELS, type AgencyLevel } from '../../../lib/domain';
import type { Tables } from './tables';

export interface LevelStaffing {
  level: AgencyLevel;
  agencies: number;
  civilServants: number;
}

/** A province's agencies and civil servants, in total and by agency level. */
export interface StaffingRecord {
  provinceCode: string;
  agencies: number;
  civilServants: number;
  byLevel: LevelStaffing[];
}

interface StaffingRow {
  provinceCode: string;
  level: AgencyLevel;
  agencies: number;
  civilServants: number;
}

/** One statement for any number of provinces; every level is listed, with zeros where a province has none. */
export async function staffingOfProvinces(db: Database<Tables>, provinceCodes: readonly string[]): Promise<StaffingRecord[]> {
  const { rows } = await sql<StaffingRow>`
    SELECT a.province_code AS "provinceCode", a.level,
           count(*)::int AS agencies, coalesce(sum(h.headcount), 0)::int AS "civilServants"
    FROM agencies a
    LEFT JOIN (
      SELECT agency_code, count(*) AS headcount FROM civil_servants
      WHERE province_code = ${anyOf(provinceCodes)} GROUP BY agency_code
    ) h ON h.agency_code = a.code
    WHERE a.province_code = ${anyOf(provinceCodes)}
    GROUP BY a.province_code, a.level`.execute(db.kysely);
  return provinceCodes.map((provinceCode) => {
    const byLevel = AGENCY_LEVELS.map((level) => {
      const row = rows.find((r) => r.provinceCode === provinceCode && r.level === level);
      return { level, agencies: row?.agencies ?? 0, civilServants: row?.civilServants ?? 0 };
    });
    const total = (pick: (l: LevelStaffing) => number) => byLevel.reduce((sum, l) => sum + pick(l), 0);
    return { provinceCode, agencies: total((l) => l.agencies), civilServants: total((l) => l.civilServants), byLevel };
  });
}

/** Servants of a province whose start falls in one point of a series (`point` 1 … n), or before it (0) or after it (n + 1). */
export interface StartCount {
  provinceCode: string;
  point: number;
  count: number;
}

/**
 * Today's servants by province and by which point of a series they started in, in one statement:
 * the points' first days and the day after the last are the thresholds of `width_bucket`.
 */
export async function startsByPoint(db: Database<Tables>, provinceCodes: readonly string[], thresholds: readonly string[]): Promise<StartCount[]> {
  const { rows } = await sql<StartCount>`
    SELECT province_code AS "provinceCode", width_bucket(start_date, ${thresholds}::date[]) AS point, count(*)::int AS count
      FROM civil_servants WHERE province_code = ${anyOf(provinceCodes)}
     GROUP BY 1, 2`.execute(db.kysely);
  return rows;
}
