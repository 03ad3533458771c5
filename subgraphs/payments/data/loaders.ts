import DataLoader from 'dataloader';
import { alignByKey, groupByKeys, perArgument, type Database } from '../../../lib/db';
import type { Period } from '../../../lib/graphql/period';
import { seriesKey } from '../../../lib/graphql/series';
import { ownHealth } from '../../../lib/data-health';
import type { RowScope } from '../../../lib/subgraph';
import { paymentStatisticsOf, type ProvincePaymentStatistics } from '../rules/payment-statistics';
import type { Payment } from '../types/payment.type';
import { namedByPayments, PAYMENTS_HEALTH } from './data-health.repository';
import { findFeesByProcedureCodes } from './fee-schedule.repository';
import { toPayment } from './payment.mapper';
import { findLatestPaymentsByPayers, findPaymentsByDossierCodes, findPaymentsByIds } from './payment.repository';
import { sumPaidByBucket, sumPaidByProvinceAndMethod } from './statistics.repository';
import type { Tables } from './tables';

/**
 * Per-request loaders: each turns the lookups of one resolver tick into one SQL statement.
 * Payment reads are limited to the caller's rows (`scope`), so nothing cached here was read
 * for anyone else; fees and statistics are not personal data (statistics are guarded where asked).
 */
export function createLoaders(db: Database<Tables>, scope: RowScope) {
  return {
    paymentById: new DataLoader<string, Payment | null>(async (ids) =>
      alignByKey(ids, (await findPaymentsByIds(db, scope, ids)).map(toPayment), (p) => p.id),
    ),
    paymentsByDossier: new DataLoader<string, Payment[]>(async (codes) =>
      groupByKeys(codes, (await findPaymentsByDossierCodes(db, scope, codes)).map(toPayment), (p) => [p.dossier.code]),
    ),
    /** The fee of each procedure code, or null when the fee schedule does not know it. */
    feeByProcedure: new DataLoader<string, number | null>(async (codes) =>
      alignByKey(codes, await findFeesByProcedureCodes(db, codes), (f) => f.procedureCode).map((f) => f?.amount ?? null),
    ),
    paymentsByPayer: perArgument(
      (first: number) => String(first),
      (first) =>
        new DataLoader<string, Payment[]>(async (payerIds) =>
          groupByKeys(payerIds, (await findLatestPaymentsByPayers(db, scope, payerIds, first)).map(toPayment), (p) => [p.payer?.personalId ?? null]),
        ),
    ),
    paymentStatistics: perArgument(
      (period: Period) => `${period.from}/${period.to}`,
      (period) =>
        new DataLoader<string, ProvincePaymentStatistics>(async (provinceCodes) => {
          const rows = await sumPaidByProvinceAndMethod(db, provinceCodes, period);
          return groupByKeys(provinceCodes, rows, (r) => [r.provinceCode]).map((totals) => paymentStatisticsOf(period, totals));
        }),
    ),
    ownHealth: new DataLoader((codes: readonly string[]) => ownHealth(db.kysely, PAYMENTS_HEALTH, codes)),
    /** Payers and dossier codes each province's payments name. */
    namedByPayments: new DataLoader(async (codes: readonly string[]) =>
      groupByKeys(codes, await namedByPayments(db, codes), (p) => [p.provinceCode]).map((payments) => ({
        payers: payments.flatMap((p) => (p.payerId === null ? [] : [p.payerId])),
        dossiers: payments.map((p) => p.dossierCode),
      })),
    ),
    paymentSeries: perArgument(
      seriesKey,
      (series) =>
        new DataLoader<string, ProvincePaymentStatistics[]>(async (provinceCodes) => {
          const rows = await sumPaidByBucket(db, provinceCodes, series);
          const starts = series.buckets.map((bucket) => bucket.start);
          return groupByKeys(provinceCodes, rows, (r) => [r.provinceCode]).map((totals) =>
            groupByKeys(starts, totals, (t) => [t.bucket]).map((inBucket, i) => paymentStatisticsOf(series.buckets[i]!, inBucket)),
          );
        }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
