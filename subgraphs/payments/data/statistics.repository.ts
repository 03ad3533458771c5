import type { PaymentMethod } from '../../../lib/domain';
import { anyOf, type Database } from '../../../lib/db';
import type { Tables } from './tables';

export interface MethodTotalRow {
  provinceCode: string;
  method: PaymentMethod;
  transactions: number;
  amountPaid: number;
}

/**
 * Paid transactions and amounts by province and method over [start, end) of `paid_at`, for
 * many provinces in one statement. Refunded payments are left out: their money went back.
 */
export async function sumPaidByProvinceAndMethod(db: Database<Tables>, provinceCodes: readonly string[], start: Date, end: Date): Promise<MethodTotalRow[]> {
  return db.kysely
    .selectFrom('payments')
    .select((eb) => [
      'province_code as provinceCode',
      'method',
      eb.fn.countAll<number>().as('transactions'),
      eb.cast<number>(eb.fn.sum('amount'), 'bigint').as('amountPaid'),
    ])
    .where('province_code', '=', anyOf(provinceCodes))
    .where('status', '=', 'PAID')
    .where('paid_at', '>=', start)
    .where('paid_at', '<', end)
    .groupBy(['province_code', 'method'])
    .execute();
}
