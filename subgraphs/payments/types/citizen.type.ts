import { Directive, Field, ObjectType } from 'type-graphql';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

/** Owned by residents; payments adds the citizen's payments. */
@Directive('@key(fields: "personalId")')
@ObjectType({ description: 'A person in the National Population Database.' })
export class Citizen {
  @Field(() => PersonalIdScalar, { description: 'The 12-digit personal identification number.' })
  personalId!: string;
}
