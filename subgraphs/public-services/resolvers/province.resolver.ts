import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { requiresScopes } from '../../../lib/auth';
import { resolvePeriod } from '../../../lib/graphql/period';
import { mayAggregate } from '../../../lib/subgraph';
import type { PublicServicesContext } from '../context';
import { outsideJurisdiction } from '../rules/outside-jurisdiction';
import type { DossierStatisticsRecord } from '../rules/statistics';
import { DossierStatistics } from '../types/dossier-statistics.type';
import { PeriodArgs } from '../types/period-args.type';
import { Province } from '../types/province.type';

@Resolver(() => Province)
export class ProvinceResolver {
  @Directive(requiresScopes(['dossiers:aggregate']))
  @FieldResolver(() => DossierStatistics, {
    nullable: true,
    description: 'Dossier indicators (received, online share, on-time rate, overdue) for dossiers submitted in a period; null with FORBIDDEN for a province outside the caller\'s jurisdiction.',
  })
  async dossierStatistics(@Root() province: Province, @Args() { from, to }: PeriodArgs, @Ctx() ctx: PublicServicesContext): Promise<DossierStatisticsRecord> {
    // Refused before any SQL runs: a province-bound caller aggregates their own province only, a citizen none.
    if (!mayAggregate(ctx.scope, province.code)) throw outsideJurisdiction(province.code);
    return ctx.loaders.statistics.load({ provinceCode: province.code, period: resolvePeriod(from, to) });
  }
}
