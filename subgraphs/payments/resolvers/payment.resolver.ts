import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import { notFound } from '../../../lib/errors';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../../lib/graphql/connection';
import { PAGE_OF_EDGES } from '../../../lib/federation';
import type { Ctx as Context } from '../context';
import { toPayment } from '../data/payment.mapper';
import { listPayments } from '../data/payment.repository';
import { checkPaymentId } from '../rules/payment-input';
import { parsePositionKey, positionKey } from '../rules/payment-cursor';
import { PAYMENTS_READ } from '../types/access-rules';
import { PaymentConnection } from '../types/payment-connection.type';
import { PaymentFilter } from '../types/payment-filter.type';
import { Payment } from '../types/payment.type';

const FIELD = 'payments';

@Resolver(() => Payment)
export class PaymentResolver {
  @Directive(PAYMENTS_READ)
  @Directive(PERSONAL_DATA)
  @Query(() => Payment, { nullable: true, description: 'One payment by its ID (a UUID); null with NOT_FOUND when none the caller may see has it.' })
  async payment(@Arg('id', () => ID, { description: 'The payment ID.' }) id: string, @Ctx() ctx: Context): Promise<Payment> {
    const payment = await ctx.loaders.paymentById.load(checkPaymentId(id));
    if (!payment) throw notFound('payment', id);
    return payment;
  }

  @Directive(PAGE_OF_EDGES)
  @Directive(PAYMENTS_READ)
  @Directive(PERSONAL_DATA)
  @Query(() => PaymentConnection, { nullable: true, description: 'Payments the caller may see matching a filter, oldest first, a page at a time.' })
  async payments(
    @Arg('filter', () => PaymentFilter, { nullable: true, description: 'Conditions every payment must meet.' }) filter: PaymentFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the edge to continue after.' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<Payment>> {
    const size = pageSize(first);
    const key = decodeCursor(FIELD, after);
    const rows = await listPayments(ctx.db, ctx.scope, filter ?? {}, key === undefined ? undefined : parsePositionKey(key), size + 1);
    return toConnection(FIELD, rows.map(toPayment), size, positionKey);
  }
}
