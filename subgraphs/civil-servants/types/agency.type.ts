import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { AgencyLevel } from '../../../lib/domain';
import type { AgencyRecord } from '../data/agency.repository';
import { AgencyLevelEnum } from './agency-level.type';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A state agency that employs cadres, civil servants or public employees.' })
export class Agency implements AgencyRecord {
  @Field(() => ID, { description: 'Agency code: a ministry acronym (e.g. "BNV"), "<province>.<department>" (e.g. "01.SNV"), or "X<commune code>".' })
  code!: string;

  @Field({ description: 'Official Vietnamese name of the agency.' })
  name!: string;

  @Field(() => AgencyLevelEnum, { description: 'Tier of government the agency belongs to.' })
  level!: AgencyLevel;

  /** Resolved into `province`. */
  provinceCode!: string;

  /** Resolved into `parent`. */
  parentCode!: string | null;
}
