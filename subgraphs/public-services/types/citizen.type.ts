import { Directive, Field, ObjectType } from 'type-graphql';
import { PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

// Owned by residents; described in the owner's words (lib/federation/entity-descriptions.ts).
@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Citizen.type })
export class Citizen {
  // The key's rule, word for word the same in every subgraph declaring Citizen (composition merges them).
  @Directive(requiresScopes(['residents:read'], ['civil-servants:read'], ['dossiers:read'], ['payments:read'], ['audit:self'], ['audit:read']))
  @Directive(PERSONAL_DATA)
  @Field(() => PersonalIdScalar, { description: ENTITY_DESCRIPTIONS.Citizen.personalId })
  personalId!: string;
}
