import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { listSize } from '../../../lib/federation';
import { AGE_BANDS } from '../domain/age';
import { PopulationAgeBand } from './population-age-band.type';

@ObjectType({ description: 'Living residents (dân số) whose current residence is in a province; the deceased are not counted.' })
export class ProvincePopulation {
  @Field(() => Int, { description: 'All living residents: male + female.' })
  total!: number;

  @Field(() => Int, { description: 'Living men (nam).' })
  male!: number;

  @Field(() => Int, { description: 'Living women (nữ).' })
  female!: number;

  @Directive(listSize({ assumedSize: AGE_BANDS.length }))
  @Field(() => [PopulationAgeBand], { description: 'The same residents by age band, youngest first; the bands add up to total.' })
  byAgeBand!: PopulationAgeBand[];
}
