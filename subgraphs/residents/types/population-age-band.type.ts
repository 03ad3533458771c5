import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Living residents of a province in one age band, by sex.' })
export class PopulationAgeBand {
  @Field({ description: 'The band in whole years as of today: "0-14", "15-24", "25-39", "40-59" or "60+".' })
  band!: string;

  @Field(() => Int, { description: 'Men (nam) in the band.' })
  male!: number;

  @Field(() => Int, { description: 'Women (nữ) in the band.' })
  female!: number;

  @Field(() => Int, { description: 'Everyone in the band: male + female.' })
  total!: number;
}
