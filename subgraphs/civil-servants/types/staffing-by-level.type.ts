import { Field, Int, ObjectType } from 'type-graphql';
import type { AgencyLevel } from '../../../lib/domain';
import type { LevelStaffing } from '../data/staffing.repository';
import { AgencyLevelEnum } from './agency-level.type';

@ObjectType({ description: 'Agencies and civil servants of one tier of government within a province.' })
export class StaffingByLevel implements LevelStaffing {
  @Field(() => AgencyLevelEnum, { description: 'The tier of government.' })
  level!: AgencyLevel;

  @Field(() => Int, { description: 'Agencies at this tier located in the province.' })
  agencies!: number;

  @Field(() => Int, { description: 'Civil servants working in those agencies.' })
  civilServants!: number;
}
