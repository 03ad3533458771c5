import { Directive, Field, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

// Owned by residents; described in the owner's words (lib/federation/entity-descriptions.ts).
@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Citizen.type })
export class Citizen {
  @Field(() => PersonalIdScalar, { description: ENTITY_DESCRIPTIONS.Citizen.personalId })
  personalId!: string;
}
