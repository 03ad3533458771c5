import { sql } from 'kysely';
import type { PaymentMethod } from '../../../lib/domain';
import { anyOf, type Database } from '../../../lib/db';
import type { Period } from '../../../lib/graphql/period';
import { TRUNC_UNIT, type Series } from '../../../lib/graphql/series';
import type { Tables } from './tables';

export interface MethodTotalRow {
  provinceCode: string;
  method: PaymentMethod;
  transactions: number;
  amountPaid: number;
}

export interface BucketMethodTotalRow extends MethodTotalRow {
  /** First day of the calendar bucket. */
  bucket: string;
}

/**
 * Paid transactions and amounts by province and method over the days of a period, for many
 * provinces in one statement, from the `payment_days` tally. Refunded payments are left out:
 * their money went back.
 */
export async function sumPaidByProvinceAndMethod(db: Database<Tables>, provinceCodes: readonly string[], period: Period): Promise<MethodTotalRow[]> {
  const { rows } = await sql<MethodTotalRow>`
    SELECT province_code AS "provinceCode", method, sum(transactions)::int AS transactions, sum(amount_paid)::bigint AS "amountPaid"
      FROM payment_days
     WHERE province_code = ${anyOf(provinceCodes)} AND day BETWEEN ${period.from}::date AND ${period.to}::date
     GROUP BY province_code, method`.execute(db.kysely);
  return rows;
}

/** The same sums by calendar bucket of a series, in one statement. */
export async function sumPaidByBucket(db: Database<Tables>, provinceCodes: readonly string[], { period, granularity }: Series): Promise<BucketMethodTotalRow[]> {
  const { rows } = await sql<BucketMethodTotalRow>`
    SELECT province_code AS "provinceCode", to_char(date_trunc(${sql.lit(TRUNC_UNIT[granularity])}, day), 'YYYY-MM-DD') AS bucket, method,
           sum(transactions)::int AS transactions, sum(amount_paid)::bigint AS "amountPaid"
      FROM payment_days
     WHERE province_code = ${anyOf(provinceCodes)} AND day BETWEEN ${period.from}::date AND ${period.to}::date
     GROUP BY 1, 2, 3`.execute(db.kysely);
  return rows;
}
