import { unauthenticated } from '../../../lib/auth';
import { INTERMEDIARIES, isPersonalId, type PaymentMethod } from '../../../lib/domain';
import type { Caller } from '../../../lib/subgraph';

/**
 * The intermediary that carries a new payment. Spreading payments over a method's
 * intermediaries by the idempotency key keeps the choice stable for a retried request.
 */
export function intermediaryFor(method: PaymentMethod, idempotencyKey: string): string {
  const choices = INTERMEDIARIES[method];
  let hash = 0;
  for (let i = 0; i < idempotencyKey.length; i += 1) hash = (hash * 31 + idempotencyKey.charCodeAt(i)) >>> 0;
  return choices[hash % choices.length]!;
}

/**
 * Who pays: the calling citizen. The payer is a `Citizen` reference, so only a subject that is
 * a personal ID is recorded (an officer or a service paying on someone's behalf is not one).
 */
export function payerOf(caller: Caller | null): string | null {
  const subject = caller?.subject ?? null;
  return subject !== null && isPersonalId(subject) ? subject : null;
}

/** Whose idempotency keys a request's key is among: its caller's own, so two callers' keys never meet. */
export function idempotencyOwnerOf(caller: Caller | null): string {
  if (!caller) throw unauthenticated('a payment is started by a verified caller');
  return caller.subject;
}
