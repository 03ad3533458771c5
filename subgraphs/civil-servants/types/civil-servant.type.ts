import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { DateScalar, PersonalIdScalar, VndScalar } from '../../../lib/graphql/scalars';
import type { CivilServantRecord } from '../data/civil-servant.repository';
import type { EducationLevel, EmploymentType, PerformanceRating } from '../data/vocabulary';
import { EducationLevelEnum } from './education-level.type';
import { EmploymentTypeEnum } from './employment-type.type';
import { PerformanceRatingEnum } from './performance-rating.type';

@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.CivilServant.type })
export class CivilServant implements CivilServantRecord {
  @Field(() => PersonalIdScalar, { description: ENTITY_DESCRIPTIONS.CivilServant.personalId })
  personalId!: string;

  @Field(() => EmploymentTypeEnum, { description: 'Whether the person is a cadre, a civil servant or a public employee.' })
  employmentType!: EmploymentType;

  @Field(() => Int, { description: 'Salary step (bậc) within the rank, from 1; rises every three years of service up to the rank\'s last step.' })
  salaryStep!: number;

  @Field(() => Float, { description: 'Salary coefficient (hệ số lương) of the rank at this step, e.g. 2.34.' })
  salaryCoefficient!: number;

  @Field({ description: 'Job title held, in Vietnamese, e.g. "Chuyên viên" or "Trưởng phòng".' })
  position!: string;

  @Field(() => DateScalar, { description: 'Day the person entered public service.' })
  startDate!: string;

  @Field(() => PerformanceRatingEnum, { description: 'Quality rating of the latest year rated.' })
  performanceRating!: PerformanceRating;

  @Field(() => EducationLevelEnum, { description: 'Highest professional qualification.' })
  educationLevel!: EducationLevel;

  @Field({ description: 'Whether the person is a member of the Communist Party of Viet Nam. Sensitive: political organisation membership.' })
  partyMember!: boolean;

  @Field(() => VndScalar, { description: 'Total income declared for the latest year (assets and income declaration), in VND. Sensitive: financial data.' })
  declaredAnnualIncome!: number;

  @Field(() => String, { nullable: true, description: 'Health class of the latest periodic check-up, e.g. "Loại II (khỏe)"; null when none is on file. Sensitive: health.' })
  healthStatus!: string | null;

  /** Resolved into `agency`. */
  agencyCode!: string;

  /** Resolved into `province`. */
  provinceCode!: string;

  /** Resolved into `rank`. */
  rankCode!: string;
}
