import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A household (hộ gia đình): people registered at one residence under one head (chủ hộ).' })
export class Household {
  @Field(() => ID, { description: 'Household number, e.g. "HK000000042".' })
  id!: string;

  @Field({ description: 'Street address of the residence (nơi thường trú), with commune and province.' })
  address!: string;
}
