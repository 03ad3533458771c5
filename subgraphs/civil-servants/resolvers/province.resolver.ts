import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { checkMayAggregate } from '../../../lib/subgraph';
import { cost } from '../../../lib/federation';
import type { Ctx as Context } from '../context';
import { STAFFING_AGGREGATE } from '../types/access-rules';
import { ProvinceStaffing } from '../types/province-staffing.type';
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
}
