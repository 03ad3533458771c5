import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by public-services; payments adds the fee from its own fee schedule. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'An administrative procedure offered on the public service portal.' })
export class Procedure {
  @Field(() => ID, { description: 'Procedure code, e.g. DVC02.' })
  code!: string;
}
