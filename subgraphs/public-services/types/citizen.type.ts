import { Directive, Field, ObjectType } from 'type-graphql';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

// Descriptions repeat the owner's word for word, so composition keeps the owner's text.
@Directive('@key(fields: "personalId")')
@ObjectType({ description: 'A person in the National Population Database (CSDL quốc gia về dân cư).' })
export class Citizen {
  @Field(() => PersonalIdScalar, { description: 'Personal identification number (số định danh cá nhân), also the number of the chip ID card.' })
  personalId!: string;
}
