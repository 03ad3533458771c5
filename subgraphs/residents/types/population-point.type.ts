import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../lib/graphql/scalars';

@ObjectType({
  description:
    "Living residents of a province on the last day of one point of a series: born on or before it and not dead by then. Residence is today's: the database keeps no history of moves.",
})
export class PopulationPoint {
  @Field(() => DateScalar, { description: 'First day of the point.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the point: the day the residents are counted on.' })
  to!: string;

  @Field(() => Int, { description: 'Living residents on that day: male + female.' })
  total!: number;

  @Field(() => Int, { description: 'Living men (nam).' })
  male!: number;

  @Field(() => Int, { description: 'Living women (nữ).' })
  female!: number;
}
