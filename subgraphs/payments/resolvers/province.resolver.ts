import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { resolvePeriod } from '../../../lib/graphql/period';
import { DateScalar } from '../../../lib/graphql/scalars';
import type { Ctx as Context } from '../context';
import type { ProvincePaymentStatistics } from '../rules/payment-statistics';
import { PaymentStatistics } from '../types/payment-statistics.type';
import { Province } from '../types/province.type';

@Resolver(() => Province)
export class ProvinceResolver {
  @FieldResolver(() => PaymentStatistics, { description: "Fees paid for the province's dossiers over a period (by day of confirmation)." })
  paymentStatistics(
    @Root() province: Province,
    @Arg('from', () => DateScalar, { nullable: true, description: 'First day, included; default: a year before `to`.' }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Last day, included; default: today (Vietnam time).' }) to: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProvincePaymentStatistics> {
    return ctx.loaders.paymentStatistics(resolvePeriod(from, to)).load(province.code);
  }
}
