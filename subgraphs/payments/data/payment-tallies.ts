import type { TallySpec } from '../../../lib/db';

/**
 * Paid payments by province, day of confirmation (Vietnam time) and method: the sums behind
 * `paymentStatistics` and `paymentSeries`, kept by a trigger. A refund takes a payment back
 * out (its status leaves PAID), as the statistics have always counted.
 */
export const PAYMENT_DAYS: TallySpec = {
  source: 'payments',
  tally: 'payment_days',
  keys: [
    { name: 'province_code', type: 'char(2)', expression: '$row.province_code' },
    { name: 'day', type: 'date', expression: "($row.paid_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date" },
    { name: 'method', type: 'text', expression: '$row.method' },
  ],
  counters: [
    { name: 'transactions', type: 'integer', expression: '1' },
    { name: 'amount_paid', type: 'bigint', expression: '$row.amount' },
  ],
  counted: "$row.status = 'PAID' AND $row.paid_at IS NOT NULL",
  watched: ['province_code', 'paid_at', 'method', 'amount', 'status'],
};
