import { anyOf, withinScope, type Database } from '../../../lib/db';
import type { RowScope } from '../../../lib/subgraph';
import type { Tables } from './tables';
import type { EducationLevel, EmploymentType, PerformanceRating } from './vocabulary';

/** A civil servant's row, in the names the graph uses. */
export interface CivilServantRecord {
  personalId: string;
  agencyCode: string;
  provinceCode: string;
  employmentType: EmploymentType;
  rankCode: string;
  salaryStep: number;
  salaryCoefficient: number;
  position: string;
  /** YYYY-MM-DD */
  startDate: string;
  performanceRating: PerformanceRating;
  educationLevel: EducationLevel;
  partyMember: boolean;
  declaredAnnualIncome: number;
  healthStatus: string | null;
}

/**
 * The servants with these IDs in the caller's jurisdiction: those working in their province's
 * agencies, or a citizen themself. The others are never read, so they look like citizens who
 * are not servants.
 */
export async function findCivilServants(db: Database<Tables>, scope: RowScope, personalIds: readonly string[]): Promise<CivilServantRecord[]> {
  const rows = await db.kysely
    .selectFrom('civil_servants')
    .select([
      'personal_id as personalId',
      'agency_code as agencyCode',
      'province_code as provinceCode',
      'employment_type as employmentType',
      'rank_code as rankCode',
      'salary_step as salaryStep',
      'salary_coefficient',
      'position',
      'start_date as startDate',
      'performance_rating as performanceRating',
      'education_level as educationLevel',
      'party_member as partyMember',
      'declared_annual_income as declaredAnnualIncome',
      'health_status as healthStatus',
    ])
    .where('personal_id', '=', anyOf(personalIds))
    .where((eb) => withinScope(eb, scope, { province: 'province_code', person: 'personal_id' }))
    .execute();
  return rows.map(({ salary_coefficient, ...row }) => ({ ...row, salaryCoefficient: Number(salary_coefficient) }));
}

export interface AgencyHeadcount {
  agencyCode: string;
  civilServants: number;
}

export async function countCivilServantsByAgency(db: Database<Tables>, agencyCodes: readonly string[]): Promise<AgencyHeadcount[]> {
  return db.kysely
    .selectFrom('civil_servants')
    .select(['agency_code as agencyCode', (eb) => eb.fn.countAll<number>().as('civilServants')])
    .where('agency_code', '=', anyOf(agencyCodes))
    .groupBy('agency_code')
    .execute();
}
