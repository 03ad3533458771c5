import { Field, Int, ObjectType } from 'type-graphql';
import type { StaffingRecord } from '../data/staffing.repository';
import { StaffingByLevel } from './staffing-by-level.type';

@ObjectType({ description: 'Public-sector staffing of a province: its agencies and the cadres, civil servants and public employees in them.' })
export class ProvinceStaffing implements Omit<StaffingRecord, 'provinceCode'> {
  @Field(() => Int, { description: 'Everyone on the rolls of agencies located in the province (central ministries count in Hà Nội).' })
  civilServants!: number;

  @Field(() => Int, { description: 'Agencies located in the province, at every tier.' })
  agencies!: number;

  @Field(() => [StaffingByLevel], { description: 'The same figures by tier of government: central, province, commune (zeros included).' })
  byLevel!: StaffingByLevel[];
}
