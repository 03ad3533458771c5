import DataLoader from 'dataloader';
import { alignByKey, groupByKeys, type Database } from '../../../lib/db';
import type { Period } from '../../../lib/graphql/period';
import type { RowScope } from '../../../lib/subgraph';
import { paymentStatisticsOf, type ProvincePaymentStatistics } from '../rules/payment-statistics';
import type { Payment } from '../types/payment.type';
import { findFeesByProcedureCodes } from './fee-schedule.repository';
import { toPayment } from './payment.mapper';
import { findLatestPaymentsByPayers, findPaymentsByDossierCodes, findPaymentsByIds } from './payment.repository';
import { sumPaidByProvinceAndMethod } from './statistics.repository';
import type { Tables } from './tables';

/** One DataLoader per distinct argument value, e.g. per `first` or per period. */
function perArgument<A, L>(keyOf: (argument: A) => string, create: (argument: A) => L): (argument: A) => L {
  const loaders = new Map<string, L>();
  return (argument) => {
    const key = keyOf(argument);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(argument);
      loaders.set(key, loader);
    }
    return loader;
  };
}

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
          const rows = await sumPaidByProvinceAndMethod(db, provinceCodes, period.start, period.end);
          return groupByKeys(provinceCodes, rows, (r) => [r.provinceCode]).map((totals) => paymentStatisticsOf(period, totals));
        }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
