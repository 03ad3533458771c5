import { Field, Int, ObjectType } from 'type-graphql';
import { PopulationAgeBand } from './population-age-band.type';

@ObjectType({ description: 'Living residents (dân số) whose current residence is in a province; the deceased are not counted.' })
export class ProvincePopulation {
  @Field(() => Int, { description: 'All living residents: male + female.' })
  total!: number;

  @Field(() => Int, { description: 'Living men (nam).' })
  male!: number;

  @Field(() => Int, { description: 'Living women (nữ).' })
  female!: number;

  @Field(() => [PopulationAgeBand], { description: 'The same residents by age band, youngest first; the bands add up to total.' })
  byAgeBand!: PopulationAgeBand[];
}
