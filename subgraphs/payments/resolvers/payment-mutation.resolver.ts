import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { PERSONAL_DATA, requiresScopes } from '../../../lib/auth';
import type { PaymentMethod, PaymentStatus } from '../../../lib/domain';
import { AppError, notFound } from '../../../lib/errors';
import { lookupsIn } from '../../../lib/subgraph';
import type { Ctx as Context } from '../context';
import { toPayment } from '../data/payment.mapper';
import {
  findPaymentByIdempotencyKey,
  findPaymentsByIds,
  insertPendingPayment,
  refundPaidPayment,
  settlePendingPayment,
} from '../data/payment.repository';
import type { PaymentRow } from '../data/tables';
import { idempotencyOwnerOf, intermediaryFor, payerOf } from '../rules/new-payment';
import { payableDossier } from '../rules/payable-dossier';
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

/** What a retry must repeat exactly to be given the payment its key started. */
interface Attempt {
  dossierCode: string;
  method: PaymentMethod;
  payerId: string | null;
}

/**
 * Nothing was inserted: the caller's key was taken (by an earlier try of this request, or a
 * racing one), or the dossier — one the caller may see — already has a payment pending or paid.
 * The key is the caller's own, so neither answer tells them about anyone else's payments.
 */
async function earlierAttempt(ctx: Context, owner: string, key: string, attempt: Attempt): Promise<PaymentRow> {
  const existing = await findPaymentByIdempotencyKey(ctx.db, owner, key);
  if (!existing) throw new AppError('INVALID_PAYMENT_STATE', `Dossier ${attempt.dossierCode} already has a payment pending or paid.`);
  if (existing.dossier_code !== attempt.dossierCode || existing.method !== attempt.method || existing.payer_id !== attempt.payerId) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for a different payment.');
  }
  return existing;
}

@Resolver(() => Payment)
export class PaymentMutationResolver {
  @Directive(requiresScopes(['payments:write'], ['payments:initiate']))
  @Directive(PERSONAL_DATA)
  @Mutation(() => Payment, {
    nullable: true,
    description:
      "Starts paying a dossier's fee: a PENDING payment for the amount in the fee schedule for the dossier's procedure, paid by the calling citizen (none for an officer). Only for a dossier the caller may see — a citizen their own, an officer their province's — and NOT_FOUND otherwise, as for one that does not exist. A dossier has at most one payment pending or paid (INVALID_PAYMENT_STATE for another). Retrying with the same idempotency key (the caller's own) and the same input returns the same payment.",
  })
  async initiatePayment(
    @Arg('dossierCode', () => ID, { description: 'The dossier whose fee is paid.' }) dossierCode: string,
    @Arg('method', () => PaymentMethodEnum, { description: 'How the payer pays.' }) method: PaymentMethod,
    @Arg('idempotencyKey', { description: 'Chosen by the client (1 to 200 characters), the same for every retry of this request; another caller\'s keys never collide with it.' }) idempotencyKey: string,
    @Ctx() ctx: Context,
  ): Promise<Payment> {
    const key = checkIdempotencyKey(idempotencyKey);
    checkDossierCode(dossierCode);
    const dossier = await payableDossier(lookupsIn(ctx), dossierCode);
    const fee = await ctx.loaders.feeByProcedure.load(dossier.procedureCode);
    if (fee === null) throw new AppError('UNKNOWN_PROCEDURE', `The fee schedule has no procedure ${dossier.procedureCode}.`);
    if (fee === 0) throw new AppError('FEE_NOT_APPLICABLE', `Procedure ${dossier.procedureCode} charges no fee.`);
    const owner = idempotencyOwnerOf(ctx.caller);
    const attempt = { dossierCode, method, payerId: payerOf(ctx.caller) };
    const created = await insertPendingPayment(ctx.db, {
      ...attempt,
      procedureCode: dossier.procedureCode,
      provinceCode: dossier.provinceCode,
      amount: fee,
      intermediary: intermediaryFor(method, key),
      idempotencyOwner: owner,
      idempotencyKey: key,
    });
    return toPayment(created ?? (await earlierAttempt(ctx, owner, key, attempt)));
  }

  @Directive(requiresScopes(['payments:write']))
  @Directive(PERSONAL_DATA)
  @Mutation(() => Payment, { nullable: true, description: "Records the intermediary's answer for a PENDING payment: PAID if it succeeded, FAILED otherwise." })
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
  @Mutation(() => Payment, { nullable: true, description: 'Refunds a PAID payment, once.' })
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
