import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { requiresScopes } from '../../../lib/auth';
import { resolvePeriod } from '../../../lib/graphql/period';
import { resolveSeries, SeriesArgs } from '../../../lib/graphql/series';
import { checkMayAggregate } from '../../../lib/subgraph';
import { AGGREGATE, SERIES_POINTS } from '../../../lib/federation';
import type { PublicServicesContext } from '../context';
import type { DossierStatisticsRecord } from '../rules/statistics';
import { DossierStatistics } from '../types/dossier-statistics.type';
import { PeriodArgs } from '../types/period-args.type';
import { Province } from '../types/province.type';

const DOSSIERS_AGGREGATE = requiresScopes(['dossiers:aggregate']);

@Resolver(() => Province)
export class ProvinceResolver {
  @Directive(AGGREGATE)
  @Directive(DOSSIERS_AGGREGATE)
  @FieldResolver(() => DossierStatistics, {
    nullable: true,
    description: 'Dossier indicators (received, online share, on-time rate, overdue) for dossiers submitted in a period; null with FORBIDDEN for a province outside the caller\'s jurisdiction.',
  })
  async dossierStatistics(@Root() province: Province, @Args() { from, to }: PeriodArgs, @Ctx() ctx: PublicServicesContext): Promise<DossierStatisticsRecord> {
    checkMayAggregate(ctx.scope, province.code);
    return ctx.loaders.statistics.load({ provinceCode: province.code, period: resolvePeriod(from, to) });
  }

  @Directive(SERIES_POINTS)
  @Directive(DOSSIERS_AGGREGATE)
  @FieldResolver(() => [DossierStatistics], {
    nullable: true,
    description:
      'The same indicators month by month (or by quarter or year): one point per calendar bucket of the period, oldest first, zeros included, each point counting the dossiers submitted in it. Null with FORBIDDEN for a province outside the caller\'s jurisdiction.',
  })
  async dossierSeries(@Root() province: Province, @Args() args: SeriesArgs, @Ctx() ctx: PublicServicesContext): Promise<DossierStatisticsRecord[]> {
    checkMayAggregate(ctx.scope, province.code);
    return ctx.loaders.series(resolveSeries(args)).load(province.code);
  }
}
