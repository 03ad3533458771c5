import { PAYMENT_METHODS, type PaymentMethod } from '../../../lib/domain';
import type { Period } from '../../../lib/graphql/period';

export interface MethodTotals {
  method: PaymentMethod;
  transactions: number;
  amountPaid: number;
}

export interface ProvincePaymentStatistics {
  from: string;
  to: string;
  transactions: number;
  amountPaid: number;
  byMethod: MethodTotals[];
}

/**
 * A province's figures from its per-method totals: every method appears (zero when unused),
 * in the vocabulary's order, so dashboards get a stable shape, and the totals are their sums.
 */
export function paymentStatisticsOf(period: Pick<Period, 'from' | 'to'>, totals: readonly MethodTotals[]): ProvincePaymentStatistics {
  const byMethod = PAYMENT_METHODS.map((method) => {
    const found = totals.find((t) => t.method === method);
    return { method, transactions: found?.transactions ?? 0, amountPaid: found?.amountPaid ?? 0 };
  });
  return {
    from: period.from,
    to: period.to,
    transactions: byMethod.reduce((sum, m) => sum + m.transactions, 0),
    amountPaid: byMethod.reduce((sum, m) => sum + m.amountPaid, 0),
    byMethod,
  };
}
