import type { ColumnType } from 'kysely';
import type { AgencyLevel } from '../../../lib/domain';
import type { EducationLevel, EmploymentType, PerformanceRating } from './vocabulary';

export interface AgencyTable {
  code: string;
  name: string;
  level: AgencyLevel;
  province_code: string;
  parent_code: string | null;
}

export interface CivilServantTable {
  personal_id: string;
  agency_code: string;
  /** The agency's province: the jurisdiction key rows are filtered by. */
  province_code: string;
  employment_type: EmploymentType;
  rank_code: string;
  salary_step: number;
  /** numeric(4,2): pg returns it as a string so no precision is lost on the way. */
  salary_coefficient: string;
  position: string;
  /** YYYY-MM-DD */
  start_date: string;
  performance_rating: PerformanceRating;
  education_level: EducationLevel;
  party_member: boolean;
  declared_annual_income: number;
  health_status: string | null;
  /** When the e-dossier last changed. */
  updated_at: ColumnType<Date, Date | string | undefined, Date>;
}

export interface Tables {
  agencies: AgencyTable;
  civil_servants: CivilServantTable;
}
