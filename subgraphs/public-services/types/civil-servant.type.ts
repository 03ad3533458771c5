import { Directive, Field, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

// Owned by civil-servants; described in the owner's words (lib/federation/entity-descriptions.ts).
@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.CivilServant.type })
export class CivilServant {
  @Field(() => PersonalIdScalar, { description: ENTITY_DESCRIPTIONS.CivilServant.personalId })
  personalId!: string;
}
