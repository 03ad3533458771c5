import { Directive, Field, ObjectType } from 'type-graphql';
import { CITIZEN_KEY_RULE, PERSONAL_DATA } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';

/** Owned by residents; the audit log adds who read the citizen's data. */
@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Citizen.type })
export class Citizen {
  @Directive(CITIZEN_KEY_RULE)
  @Directive(PERSONAL_DATA)
  @Field(() => PersonalIdScalar, { nullable: true, description: ENTITY_DESCRIPTIONS.Citizen.personalId })
  personalId!: string;
}
