import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { CIVIL_SERVANT_KEY_RULE, PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { DateScalar, PersonalIdScalar, VndScalar } from '../../../lib/graphql/scalars';
import type { CivilServantRecord } from '../data/civil-servant.repository';
import type { EducationLevel, EmploymentType, PerformanceRating } from '../data/vocabulary';
import { CIVIL_SERVANTS_READ } from './access-rules';
import { EducationLevelEnum } from './education-level.type';
import { EmploymentTypeEnum } from './employment-type.type';
import { PerformanceRatingEnum } from './performance-rating.type';

/** Every field is personal data; party membership, income and health need a scope of their own. */
@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.CivilServant.type })
export class CivilServant implements CivilServantRecord {
  @Directive(CIVIL_SERVANT_KEY_RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => PersonalIdScalar, { nullable: true, description: ENTITY_DESCRIPTIONS.CivilServant.personalId })
  personalId!: string;

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => EmploymentTypeEnum, { nullable: true, description: 'Whether the person is a cadre, a civil servant or a public employee.' })
  employmentType!: EmploymentType;

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => Int, { nullable: true, description: 'Salary step (bậc) within the rank, from 1; rises every three years of service up to the rank\'s last step.' })
  salaryStep!: number;

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => Float, { nullable: true, description: 'Salary coefficient (hệ số lương) of the rank at this step, e.g. 2.34.' })
  salaryCoefficient!: number;

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'Job title held, in Vietnamese, e.g. "Chuyên viên" or "Trưởng phòng".' })
  position!: string;

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => DateScalar, { nullable: true, description: 'Day the person entered public service.' })
  startDate!: string;

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => PerformanceRatingEnum, { nullable: true, description: 'Quality rating of the latest year rated.' })
  performanceRating!: PerformanceRating;

  @Directive(CIVIL_SERVANTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => EducationLevelEnum, { nullable: true, description: 'Highest professional qualification.' })
  educationLevel!: EducationLevel;

  @Directive(requiresScopes(['civil-servants:sensitive']))
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'Whether the person is a member of the Communist Party of Viet Nam. Sensitive: political organisation membership.' })
  partyMember!: boolean;

  @Directive(requiresScopes(['civil-servants:sensitive']))
  @Directive(PERSONAL_DATA)
  @Field(() => VndScalar, { nullable: true, description: 'Total income declared for the latest year (assets and income declaration), in VND. Sensitive: financial data.' })
  declaredAnnualIncome!: number;

  @Directive(requiresScopes(['civil-servants:sensitive']))
  @Directive(PERSONAL_DATA)
  @Field(() => String, { nullable: true, description: 'Health class of the latest periodic check-up, e.g. "Loại II (khỏe)"; null when none is on file. Sensitive: health.' })
  healthStatus!: string | null;

  /** Resolved into `agency`. */
  agencyCode!: string;

  /** Resolved into `province`. */
  provinceCode!: string;

  /** Resolved into `rank`. */
  rankCode!: string;
}
