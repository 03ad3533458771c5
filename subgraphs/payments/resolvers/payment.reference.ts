import type { Ctx } from '../context';
import { isPaymentId } from '../rules/payment-input';
import type { Payment } from '../types/payment.type';

/** Another subgraph's reference to a payment; an unknown or malformed ID resolves to null. */
export const resolvePaymentReference = async ({ id }: { id: string }, ctx: Ctx): Promise<Payment | null> =>
  isPaymentId(id) ? ctx.loaders.paymentById.load(id.toLowerCase()) : null;
