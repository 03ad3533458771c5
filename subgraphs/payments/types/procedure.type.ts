import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PROCEDURE_KEY_RULE } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';

/** Owned by public-services; payments adds the fee from its own fee schedule. */
@Directive('@key(fields: "code")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Procedure.type })
export class Procedure {
  @Directive(PROCEDURE_KEY_RULE)
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Procedure.code })
  code!: string;
}
