import { ArgsType, Field, Int } from 'type-graphql';
import { CitizenFilter } from './citizen-filter.type';

// A class keeps the arguments in the contract's order; separate @Arg parameters print reversed.
@ArgsType()
export class CitizensArgs {
  @Field(() => CitizenFilter, { nullable: true, description: 'Conditions every citizen listed meets.' })
  filter?: CitizenFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size: 1 to 100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}
