import { Directive, Field, ObjectType } from 'type-graphql';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';
import { ProvinceKind } from './province-kind.type';

@Directive('@key(fields: "code")')
@ObjectType({
  description:
    'A provincial unit (tỉnh or thành phố) of the 34 in force from 1 July 2025. Every subgraph adds its own indicators; the population database adds names and population.',
})
export class Province {
  @Field(() => ProvinceCodeScalar, { description: '2-digit code of the unit, e.g. "01" for Hà Nội.' })
  code!: string;

  @Field({ description: 'Name of the unit, e.g. "Hồ Chí Minh".' })
  name!: string;

  @Field(() => ProvinceKind, { description: 'Centrally-run city or province.' })
  kind!: ProvinceKind;

  @Field(() => [String], { description: '3-digit codes of the legacy provinces merged into this unit (one for units that were not merged).' })
  legacyCodes!: string[];
}
