import { Directive, Field, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';
import { ProvinceKind } from './province-kind.type';

@Directive('@key(fields: "code")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Province.type })
export class Province {
  @Field(() => ProvinceCodeScalar, { description: ENTITY_DESCRIPTIONS.Province.code })
  code!: string;

  @Field({ description: 'Name of the unit, e.g. "Hồ Chí Minh".' })
  name!: string;

  @Field(() => ProvinceKind, { description: 'Centrally-run city or province.' })
  kind!: ProvinceKind;

  @Field(() => [String], { description: '3-digit codes of the legacy provinces merged into this unit (one for units that were not merged).' })
  legacyCodes!: string[];
}
