import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import type { PaymentMethod, PaymentStatus } from '../../../lib/domain';
import { AppError, notFound } from '../../../lib/errors';
import type { Ctx as Context } from '../context';
import { toPayment } from '../data/payment.mapper';
import {
  findPaymentByIdempotencyKey,
  findPaymentsByIds,
  insertPendingPayment,
  refundPaidPayment,
  settlePendingPayment,
} from '../data/payment.repository';
import { dossierInScope } from '../rules/dossier-scope';
import { intermediaryFor, payerOf } from '../rules/new-payment';
import { checkDossierCode, checkIdempotencyKey, checkPaymentId, checkText } from '../rules/payment-input';
import { PaymentMethodEnum } from '../types/payment-method.type';
import { Payment } from '../types/payment.type';

const TRANSACTION_REF_MAX = 200;
const REFUND_REASON_MAX = 1000;

/** The error for a conditional UPDATE that matched nothing: the payment is missing (or not the caller's to see) or in the wrong state. */
async function stateError(ctx: Context, id: string, operation: string, required: PaymentStatus): Promise<AppError> {
  const [current] = await findPaymentsByIds(ctx.db, ctx.scope, [id]);
  if (!current) return notFound('payment', id);
  return new AppError('INVALID_PAYMENT_STATE', `Payment ${id} is ${current.status}; only a ${required} payment can be ${operation}.`, {
    status: current.status,
  });
}

@Resolver(() => Payment)
export class PaymentMutationResolver {
  @Directive(requiresScopes(['payments:write'], ['payments:initiate']))
  @Directive(PERSONAL_DATA)
  @Mutation(() => Payment, {
    description:
      "Starts paying a dossier's fee: a PENDING payment for the amount in the fee schedule, paid by the calling citizen (none for an officer). Retrying with the same idempotency key and the same input returns the same payment. NOT_FOUND for a dossier of a province outside the caller's jurisdiction.",
  })
  async initiatePayment(
    @Arg('dossierCode', () => ID, { description: 'The dossier whose fee is paid.' }) dossierCode: string,
    @Arg('method', () => PaymentMethodEnum, { description: 'How the payer pays.' }) method: PaymentMethod,
    @Arg('idempotencyKey', { description: 'Chosen by the client (1 to 200 characters), the same for every retry of this request.' }) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<Payment> {
    const key = checkIdempotencyKey(idempotencyKey);
    const { provinceCode, procedureCode } = checkDossierCode(dossierCode);
    // Another province's dossier is as missing to a provincial officer as an unknown one.
    if (!dossierInScope(ctx.scope, provinceCode)) throw notFound('dossier', dossierCode);
    const fee = await ctx.loaders.feeByProcedure.load(procedureCode);
    if (fee === null) throw new AppError('UNKNOWN_PROCEDURE', `The fee schedule has no procedure ${procedureCode}.`);
    if (fee === 0) throw new AppError('FEE_NOT_APPLICABLE', `Procedure ${procedureCode} charges no fee.`);
    const payerId = payerOf(ctx.caller);
    const created = await insertPendingPayment(ctx.db, {
      dossierCode,
      procedureCode,
      provinceCode,
      payerId,
      amount: fee,
      method,
      intermediary: intermediaryFor(method, key),
      idempotencyKey: key,
    });
    if (created) return toPayment(created);
    // Nothing inserted: the key was taken (by this request's earlier try or by a racing one), or the dossier is paid.
    const existing = await findPaymentByIdempotencyKey(ctx.db, key);
    if (!existing) throw new AppError('INVALID_PAYMENT_STATE', `Dossier ${dossierCode} is already paid.`);
    if (existing.dossier_code !== dossierCode || existing.method !== method || existing.payer_id !== payerId) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for a different payment.');
    }
    return toPayment(existing);
  }

  @Directive(requiresScopes(['payments:write']))
  @Directive(PERSONAL_DATA)
  @Mutation(() => Payment, { description: "Records the intermediary's answer for a PENDING payment: PAID if it succeeded, FAILED otherwise." })
  async settlePayment(
    @Arg('id', () => ID, { description: 'The payment ID.' }) id: string,
    @Arg('succeeded', { description: 'Whether the money reached the State Treasury.' }) succeeded: boolean,
    @Arg('transactionRef', () => String, { nullable: true, description: "The intermediary's reference for the settlement (at most 200 characters)." })
    transactionRef: string | null,
    @Ctx() ctx: Context,
  ): Promise<Payment> {
    const paymentId = checkPaymentId(id);
    const settled = await settlePendingPayment(ctx.db, ctx.scope, paymentId, succeeded, checkText('transactionRef', transactionRef, TRANSACTION_REF_MAX));
    if (settled) return toPayment(settled);
    throw await stateError(ctx, paymentId, 'settled', 'PENDING');
  }

  @Directive(requiresScopes(['payments:write']))
  @Directive(PERSONAL_DATA)
  @Mutation(() => Payment, { description: 'Refunds a PAID payment, once.' })
  async refundPayment(
    @Arg('id', () => ID, { description: 'The payment ID.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why the fee is returned (at most 1,000 characters).' }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<Payment> {
    const paymentId = checkPaymentId(id);
    const refunded = await refundPaidPayment(ctx.db, ctx.scope, paymentId, checkText('reason', reason, REFUND_REASON_MAX));
    if (refunded) return toPayment(refunded);
    throw await stateError(ctx, paymentId, 'refunded', 'PAID');
  }
}
