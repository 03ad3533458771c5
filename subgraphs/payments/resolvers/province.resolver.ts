import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { requiresScopes } from '../../../lib/auth';
import { resolvePeriod } from '../../../lib/graphql/period';
import { DateScalar } from '../../../lib/graphql/scalars';
import { checkMayAggregate } from '../../../lib/subgraph';
import { AGGREGATE } from '../../../lib/federation';
import type { Ctx as Context } from '../context';
import type { ProvincePaymentStatistics } from '../rules/payment-statistics';
import { PaymentStatistics } from '../types/payment-statistics.type';
import { Province } from '../types/province.type';

@Resolver(() => Province)
export class ProvinceResolver {
  @Directive(AGGREGATE)
  @Directive(requiresScopes(['payments:aggregate']))
  @FieldResolver(() => PaymentStatistics, {
    nullable: true,
    description: "Fees paid for the province's dossiers over a period (by day of confirmation); null with FORBIDDEN for a province outside the caller's jurisdiction.",
  })
  async paymentStatistics(
    @Root() province: Province,
    @Arg('from', () => DateScalar, { nullable: true, description: 'First day, included; default: a year before `to`.' }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Last day, included; default: today (Vietnam time).' }) to: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProvincePaymentStatistics> {
    checkMayAggregate(ctx.scope, province.code);
    return ctx.loaders.paymentStatistics(resolvePeriod(from, to)).load(province.code);
  }
}
