import { Directive, Field, ObjectType } from 'type-graphql';
import { PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

// Owned by civil-servants; described in the owner's words (lib/federation/entity-descriptions.ts).
@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.CivilServant.type })
export class CivilServant {
  // The key's rule, word for word the same in every subgraph declaring CivilServant.
  @Directive(requiresScopes(['civil-servants:read'], ['dossiers:read']))
  @Directive(PERSONAL_DATA)
  @Field(() => PersonalIdScalar, { description: ENTITY_DESCRIPTIONS.CivilServant.personalId })
  personalId!: string;
}
