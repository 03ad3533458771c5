import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../lib/graphql/scalars';

@ObjectType({
  description:
    "Public servants of a province at one point of a series, from today's rolls: the database keeps each servant's start in service but not those who have left, so earlier points count today's servants who had started by then.",
})
export class StaffingPoint {
  @Field(() => DateScalar, { description: 'First day of the point.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the point.' })
  to!: string;

  @Field(() => Int, { description: "Today's servants of the province who had started by the last day." })
  civilServants!: number;

  @Field(() => Int, { description: 'Of those, the ones who started within the point.' })
  joined!: number;
}
