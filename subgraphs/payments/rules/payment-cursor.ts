import { AppError } from '../../../lib/errors';
import type { PaymentPosition } from '../data/payment.repository';
import { isPaymentId } from './payment-input';

/** A payment's place in the (createdAt, id) order, as the key inside a `payments` cursor. */
export const positionKey = (payment: { createdAt: Date; id: string }): string => `${payment.createdAt.toISOString()}|${payment.id}`;

/** The position a cursor key names; a tampered key is the client's mistake, like any bad cursor. */
export function parsePositionKey(key: string): PaymentPosition {
  const [time, id, ...rest] = key.split('|');
  const createdAt = new Date(time ?? '');
  if (rest.length > 0 || id === undefined || !isPaymentId(id) || Number.isNaN(createdAt.getTime())) {
    throw new AppError('INVALID_CURSOR', 'The cursor does not name a position in the payments list.');
  }
  return { createdAt, id };
}
