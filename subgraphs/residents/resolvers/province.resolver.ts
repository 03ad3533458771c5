import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AUTHENTICATED, requiresScopes } from '../../../lib/auth';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';
import { checkMayAggregate } from '../../../lib/subgraph';
import { PROVINCES } from '../../../lib/domain';
import { AGGREGATE, listSize } from '../../../lib/federation';
import type { ResidentsContext } from '../context';
import { allProvinces, findProvince } from '../data/places';
import type { PopulationTally } from '../domain/population';
import { Province } from '../types/province.type';
import { ProvincePopulation } from '../types/province-population.type';

@Resolver(() => Province)
export class ProvinceResolver {
  @Directive(AUTHENTICATED)
  @Query(() => Province, { nullable: true, description: 'The provincial unit with this code (UNKNOWN_PROVINCE if the code is not one of the 34).' })
  province(@Arg('code', () => ProvinceCodeScalar, { description: '2-digit code of a 2025 unit.' }) code: string): Province | null {
    return findProvince(code);
  }

  @Directive(listSize({ assumedSize: PROVINCES.length }))
  @Directive(AUTHENTICATED)
  @Query(() => [Province], { nullable: true, description: 'All 34 provincial units of 2025, in code order.' })
  provinces(): Province[] {
    return allProvinces();
  }

  @Directive(AGGREGATE)
  @Directive(requiresScopes(['population:aggregate']))
  @FieldResolver(() => ProvincePopulation, {
    nullable: true,
    description: 'Living residents of the province, by sex and age band; counted for many provinces in one statement. Null (FORBIDDEN) for a province outside your jurisdiction.',
  })
  population(@Root() province: Province, @Ctx() { loaders, scope }: ResidentsContext): Promise<PopulationTally> {
    checkMayAggregate(scope, province.code);
    return loaders.population.load(province.code);
  }
}
