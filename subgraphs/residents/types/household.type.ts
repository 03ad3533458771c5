import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import { RESIDENTS_READ } from './access-rules';

/** Every field is personal data: who lives where, with whom. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A household (hộ gia đình): people registered at one residence under one head (chủ hộ).' })
export class Household {
  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field(() => ID, { nullable: true, description: 'Household number, e.g. "HK000000042".' })
  id!: string;

  @Directive(RESIDENTS_READ)
  @Directive(PERSONAL_DATA)
  @Field({ nullable: true, description: 'Street address of the residence (nơi thường trú), with commune and province.' })
  address!: string;
}
