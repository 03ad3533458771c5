import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import { pageSize } from '../../../lib/graphql/connection';
import { FIRST_ITEMS } from '../../../lib/federation';
import type { Ctx as Context } from '../context';
import { PAYMENTS_READ } from '../types/access-rules';
import { Citizen } from '../types/citizen.type';
import { Payment } from '../types/payment.type';

@Resolver(() => Citizen)
export class CitizenResolver {
  @Directive(FIRST_ITEMS)
  @Directive(PAYMENTS_READ)
  @Directive(PERSONAL_DATA)
  @FieldResolver(() => [Payment], { nullable: true, description: 'Payments this citizen initiated, newest first.' })
  payments(
    @Root() citizen: Citizen,
    @Arg('first', () => Int, { nullable: true, description: 'How many: 20 by default, at most 100.' }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<Payment[]> {
    return ctx.loaders.paymentsByPayer(pageSize(first)).load(citizen.personalId);
  }
}
