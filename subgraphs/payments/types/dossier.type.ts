import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DOSSIER_KEY_RULE, PERSONAL_DATA } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';

/** Owned by public-services; payments adds the dossier's payments and fee status. */
@Directive('@key(fields: "code")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Dossier.type })
export class Dossier {
  @Directive(DOSSIER_KEY_RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => ID, { nullable: true, description: ENTITY_DESCRIPTIONS.Dossier.code })
  code!: string;
}
