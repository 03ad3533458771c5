import { Directive, Field, ObjectType } from 'type-graphql';
import { PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

/** Owned by residents; the audit log adds who read the citizen's data. */
@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Citizen.type })
export class Citizen {
  @Directive(requiresScopes(['residents:read'], ['civil-servants:read'], ['dossiers:read'], ['payments:read'], ['audit:self'], ['audit:read']))
  @Directive(PERSONAL_DATA)
  @Field(() => PersonalIdScalar, { description: ENTITY_DESCRIPTIONS.Citizen.personalId })
  personalId!: string;
}
