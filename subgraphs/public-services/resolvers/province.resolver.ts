import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { resolvePeriod } from '../../../lib/graphql/period';
import type { PublicServicesContext } from '../context';
import type { DossierStatisticsRecord } from '../rules/statistics';
import { DossierStatistics } from '../types/dossier-statistics.type';
import { PeriodArgs } from '../types/period-args.type';
import { Province } from '../types/province.type';

@Resolver(() => Province)
export class ProvinceResolver {
  @FieldResolver(() => DossierStatistics, { description: 'Dossier indicators (received, online share, on-time rate, overdue) for dossiers submitted in a period.' })
  dossierStatistics(@Root() province: Province, @Args() { from, to }: PeriodArgs, @Ctx() ctx: PublicServicesContext): Promise<DossierStatisticsRecord> {
    return ctx.loaders.statistics.load({ provinceCode: province.code, period: resolvePeriod(from, to) });
  }
}
