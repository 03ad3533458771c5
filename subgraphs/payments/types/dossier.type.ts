import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';

/** Owned by public-services; payments adds the dossier's payments and fee status. */
@Directive('@key(fields: "code")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Dossier.type })
export class Dossier {
  // The key's rule, word for word the same as in public-services, which owns Dossier.
  @Directive(requiresScopes(['dossiers:read'], ['payments:read']))
  @Directive(PERSONAL_DATA)
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Dossier.code })
  code!: string;
}
