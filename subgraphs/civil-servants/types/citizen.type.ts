import { Directive, Field, ObjectType } from 'type-graphql';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

// Owned by residents; this subgraph adds `civilServant` and refers to citizens by key alone.
@Directive('@key(fields: "personalId")')
@ObjectType({ description: 'A person in the National Population Database, identified by personal ID.' })
export class Citizen {
  @Field(() => PersonalIdScalar, { description: 'The citizen\'s personal identification number.' })
  personalId!: string;
}
