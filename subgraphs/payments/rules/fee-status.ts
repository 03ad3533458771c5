import type { PaymentStatus } from '../../../lib/domain';

/** Where a dossier stands with its fee, as the portal shows it to the citizen and the officer. */
export const FEE_STATUSES = ['NOT_APPLICABLE', 'UNPAID', 'PENDING', 'PAID', 'REFUNDED'] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];

/**
 * A dossier's fee status from its procedure's fee and its payment attempts. One paid attempt
 * settles the fee whatever else failed; a refund only counts when nothing is paid.
 */
export function feeStatusOf(fee: number, statuses: readonly PaymentStatus[]): FeeStatus {
  if (fee <= 0) return 'NOT_APPLICABLE';
  if (statuses.includes('PAID')) return 'PAID';
  if (statuses.includes('REFUNDED')) return 'REFUNDED';
  if (statuses.includes('PENDING')) return 'PENDING';
  return 'UNPAID';
}
