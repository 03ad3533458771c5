import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Directive, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { AUTHENTICATED, DATA_HEALTH_AGGREGATE, requiresScopes } from '../../../lib/auth';
import { ProvinceCodeScalar } from '../../../lib/graphql/scalars';
import { checkMayAggregate } from '../../../lib/subgraph';
import { PROVINCES } from '../../../lib/domain';
import { AGGREGATE, listSize, SERIES_POINTS } from '../../../lib/federation';
import { selectsSubfield } from '../../../lib/graphql/selection';
import { resolveSeries, SeriesArgs } from '../../../lib/graphql/series';
import type { ResidentsContext } from '../context';
import { allProvinces, findProvince } from '../data/places';
import type { PopulationTally, PopulationTotals } from '../domain/population';
import type { PopulationPoint as PopulationPointRecord } from '../domain/population-series';
import { Province } from '../types/province.type';
import { PopulationPoint } from '../types/population-point.type';
import { ProvinceDataHealth } from '../types/province-data-health.type';
import { ProvincePopulation } from '../types/province-population.type';

const POPULATION_AGGREGATE = requiresScopes(['population:aggregate']);

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
  @Directive(POPULATION_AGGREGATE)
  @FieldResolver(() => ProvincePopulation, {
    nullable: true,
    description: 'Living residents of the province, by sex and age band; counted for many provinces in one statement. Null (FORBIDDEN) for a province outside your jurisdiction.',
  })
  population(@Root() province: Province, @Ctx() { loaders, scope }: ResidentsContext, @Info() info: GraphQLResolveInfo): Promise<PopulationTally | PopulationTotals> {
    checkMayAggregate(scope, province.code);
    // Totals alone come from the living tally; the age bands need the citizens counted, and then
    // the totals are the bands' sums from that same statement, so the two always agree.
    return selectsSubfield(info, 'byAgeBand') ? loaders.population.load(province.code) : loaders.living.load(province.code);
  }

  @Directive(SERIES_POINTS)
  @Directive(POPULATION_AGGREGATE)
  @FieldResolver(() => [PopulationPoint], {
    nullable: true,
    description:
      'Living residents month by month (or by quarter or year): one point per calendar bucket of the period, oldest first, each counted on its last day. Null (FORBIDDEN) for a province outside your jurisdiction.',
  })
  populationSeries(@Root() province: Province, @Args() args: SeriesArgs, @Ctx() { loaders, scope }: ResidentsContext): Promise<PopulationPointRecord[]> {
    checkMayAggregate(scope, province.code);
    return loaders.populationSeries(resolveSeries(args)).load(province.code);
  }

  @Directive(DATA_HEALTH_AGGREGATE)
  @FieldResolver(() => ProvinceDataHealth, {
    nullable: true,
    description:
      "Data quality of the province across the databases, each reporting its own records and checking the references into it; aggregates only. Null (FORBIDDEN) for a province outside your jurisdiction.",
  })
  dataHealth(@Root() province: Province, @Ctx() { scope }: ResidentsContext): ProvinceDataHealth {
    checkMayAggregate(scope, province.code);
    return { provinceCode: province.code };
  }
}
