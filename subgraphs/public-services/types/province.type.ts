import { Directive, Field, ObjectType } from 'type-graphql';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';

// Descriptions repeat the owner's word for word, so composition keeps the owner's text.
@Directive('@key(fields: "code")')
@ObjectType({
  description:
    'A provincial unit (tỉnh or thành phố) of the 34 in force from 1 July 2025. Every subgraph adds its own indicators; the population database adds names and population.',
})
export class Province {
  @Field(() => ProvinceCodeScalar, { description: '2-digit code of the unit, e.g. "01" for Hà Nội.' })
  code!: string;
}
