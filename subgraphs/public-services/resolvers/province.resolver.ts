import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { requiresScopes } from '../../../lib/auth';
import { resolvePeriod } from '../../../lib/graphql/period';
import { checkMayAggregate } from '../../../lib/subgraph';
import { AGGREGATE } from '../../../lib/federation';
import type { PublicServicesContext } from '../context';
import type { DossierStatisticsRecord } from '../rules/statistics';
import { DossierStatistics } from '../types/dossier-statistics.type';
import { PeriodArgs } from '../types/period-args.type';
import { Province } from '../types/province.type';

@Resolver(() => Province)
export class ProvinceResolver {
  @Directive(AGGREGATE)
  @Directive(requiresScopes(['dossiers:aggregate']))
  @FieldResolver(() => DossierStatistics, {
    nullable: true,
    description: 'Dossier indicators (received, online share, on-time rate, overdue) for dossiers submitted in a period; null with FORBIDDEN for a province outside the caller\'s jurisdiction.',
  })
  async dossierStatistics(@Root() province: Province, @Args() { from, to }: PeriodArgs, @Ctx() ctx: PublicServicesContext): Promise<DossierStatisticsRecord> {
    checkMayAggregate(ctx.scope, province.code);
    return ctx.loaders.statistics.load({ provinceCode: province.code, period: resolvePeriod(from, to) });
  }
}
