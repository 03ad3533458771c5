import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { resolveSeries, SeriesArgs } from '../../../lib/graphql/series';
import { checkMayAggregate } from '../../../lib/subgraph';
import { cost, SERIES_POINTS } from '../../../lib/federation';
import type { Ctx as Context } from '../context';
import { STAFFING_AGGREGATE } from '../types/access-rules';
import { ProvinceStaffing } from '../types/province-staffing.type';
import { StaffingPoint } from '../types/staffing-point.type';
import { Province } from '../types/province.type';

@Resolver(() => Province)
export class ProvinceResolver {
  @Directive(cost(5))
  @Directive(STAFFING_AGGREGATE)
  @FieldResolver(() => ProvinceStaffing, {
    nullable: true,
    description: 'Agencies located in the province and the public servants in them, by tier of government. Null (FORBIDDEN) for a province outside your jurisdiction.',
  })
  staffing(@Root() province: Province, @Ctx() ctx: Context): Promise<ProvinceStaffing> {
    checkMayAggregate(ctx.scope, province.code);
    return ctx.loaders.staffing.load(province.code);
  }

  @Directive(SERIES_POINTS)
  @Directive(STAFFING_AGGREGATE)
  @FieldResolver(() => [StaffingPoint], {
    nullable: true,
    description:
      'Public servants month by month (or by quarter or year), one point per calendar bucket of the period, oldest first, from today\'s rolls (see StaffingPoint). Null (FORBIDDEN) for a province outside your jurisdiction.',
  })
  staffingSeries(@Root() province: Province, @Args() args: SeriesArgs, @Ctx() ctx: Context): Promise<StaffingPoint[]> {
    checkMayAggregate(ctx.scope, province.code);
    return ctx.loaders.staffingSeries(resolveSeries(args)).load(province.code);
  }
}
