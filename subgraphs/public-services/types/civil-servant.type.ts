import { Directive, Field, ObjectType } from 'type-graphql';
import { CIVIL_SERVANT_KEY_RULE, PERSONAL_DATA } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

// Owned by civil-servants; described in the owner's words (lib/federation/entity-descriptions.ts).
@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.CivilServant.type })
export class CivilServant {
  @Directive(CIVIL_SERVANT_KEY_RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => PersonalIdScalar, { nullable: true, description: ENTITY_DESCRIPTIONS.CivilServant.personalId })
  personalId!: string;
}
