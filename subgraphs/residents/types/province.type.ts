import { Directive, Field, ObjectType } from 'type-graphql';
import { AUTHENTICATED, PROVINCE_KEY_RULE } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';
import { ProvinceKind } from './province-kind.type';

/** Reference data: any authenticated caller may read it (its population is an aggregate with a scope of its own). */
@Directive('@key(fields: "code")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Province.type })
export class Province {
  @Directive(PROVINCE_KEY_RULE)
  @Field(() => ProvinceCodeScalar, { description: ENTITY_DESCRIPTIONS.Province.code })
  code!: string;

  @Directive(AUTHENTICATED)
  @Field({ nullable: true, description: 'Name of the unit, e.g. "Hồ Chí Minh".' })
  name!: string;

  @Directive(AUTHENTICATED)
  @Field(() => ProvinceKind, { nullable: true, description: 'Centrally-run city or province.' })
  kind!: ProvinceKind;

  @Directive(AUTHENTICATED)
  @Field(() => [String], { nullable: true, description: '3-digit codes of the legacy provinces merged into this unit (one for units that were not merged).' })
  legacyCodes!: string[];
}
