import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AUTHENTICATED } from '../../../lib/auth';
import type { AgencyLevel } from '../../../lib/domain';
import type { AgencyRecord } from '../data/agency.repository';
import { AgencyLevelEnum } from './agency-level.type';

/** Reference data: any authenticated caller may read it (its head count is an aggregate with a scope of its own). */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A state agency that employs cadres, civil servants or public employees.' })
export class Agency implements AgencyRecord {
  @Directive(AUTHENTICATED)
  @Field(() => ID, { description: 'Agency code: a ministry acronym (e.g. "BNV"), "<province>.<department>" (e.g. "01.SNV"), or "X<commune code>".' })
  code!: string;

  @Directive(AUTHENTICATED)
  @Field({ description: 'Official Vietnamese name of the agency.' })
  name!: string;

  @Directive(AUTHENTICATED)
  @Field(() => AgencyLevelEnum, { description: 'Tier of government the agency belongs to.' })
  level!: AgencyLevel;

  /** Resolved into `province`. */
  provinceCode!: string;

  /** Resolved into `parent`. */
  parentCode!: string | null;
}
