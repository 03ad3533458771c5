import { Directive, Field, ObjectType } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import { ENTITY_DESCRIPTIONS } from '../../../lib/federation';
import { PersonalIdScalar } from '../../../lib/graphql/scalars';
import { CITIZEN_KEY_SCOPES } from './access-rules';

// Owned by residents; this subgraph adds `civilServant` and refers to citizens by key alone.
@Directive('@key(fields: "personalId")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Citizen.type })
export class Citizen {
  @Directive(CITIZEN_KEY_SCOPES)
  @Directive(PERSONAL_DATA)
  @Field(() => PersonalIdScalar, { description: ENTITY_DESCRIPTIONS.Citizen.personalId })
  personalId!: string;
}
