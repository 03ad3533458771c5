import { sql } from 'kysely';
import { copyRows, withoutSecondaryStructures, withTalliesRebuilt, type Database } from '../../../lib/db';
import { ESSENTIAL_PROCEDURES } from '../../../lib/domain';
import type { SeedOptions } from '../../../lib/subgraph';
import { FAULTS, Faults, generateDossiers, generatePayments, type SyntheticPayment } from '../../../lib/synthetic';
import { PAYMENT_DAYS } from './payment-tallies';
import type { Tables } from './tables';

const PAYMENT_COLUMNS = [
  'id',
  'dossier_code',
  'procedure_code',
  'province_code',
  'payer_id',
  'amount',
  'method',
  'intermediary',
  'status',
  'idempotency_owner',
  'idempotency_key',
  'created_at',
  'paid_at',
  'refunded_at',
] as const;

/**
 * A payment as seeded, with the faults planted in it (lib/synthetic/faults.ts): a payer nobody
 * holds or who is no personal ID, a dossier code the portal never issued, a blank intermediary.
 * Its key stays the clean one: each seeded payment was started by its payer, who chose the key.
 */
export function seededPayment(payment: SyntheticPayment, faults: Faults): SyntheticPayment {
  const key = payment.idempotencyKey;
  return {
    ...payment,
    payerId: faults.personalId({ dangling: FAULTS.danglingPayer, malformed: FAULTS.malformedPayer }, key, payment.payerId),
    dossierCode: faults.has(FAULTS.danglingDossier, key) ? faults.danglingDossierCode(payment.dossierCode) : payment.dossierCode,
    intermediary: faults.has(FAULTS.blankIntermediary, key) ? '' : payment.intermediary,
  };
}

function* paymentRows(payments: Iterable<SyntheticPayment>, faults: Faults) {
  for (const clean of payments) {
    const p = seededPayment(clean, faults);
    yield [p.id, p.dossierCode, p.procedureCode, p.provinceCode, p.payerId, p.amount, p.method, p.intermediary, p.status, clean.payerId, p.idempotencyKey, p.createdAt, p.paidAt, p.refundedAt];
  }
}

/**
 * The fee schedule from the procedure catalogue, then the payments of the same synthetic
 * dossiers public-services seeds (same seed, scale and day), streamed through COPY: nothing
 * holds all rows at once, so a million citizens seed in seconds.
 */
export async function seedPayments(db: Database<Tables>, { seed, scale, asOf, faultRate }: SeedOptions): Promise<void> {
  await db.kysely
    .insertInto('fee_schedule')
    .values(ESSENTIAL_PROCEDURES.map((p) => ({ procedure_code: p.code, amount: p.fee, updated_at: asOf })))
    // Fees already in the table may have been changed since; a re-run keeps them.
    .onConflict((oc) => oc.column('procedure_code').doNothing())
    .execute();
  await withTalliesRebuilt(db.pool, [PAYMENT_DAYS], () =>
    withoutSecondaryStructures(db.pool, ['payments'], () =>
      copyRows(db.pool, 'payments', PAYMENT_COLUMNS, paymentRows(generatePayments(generateDossiers(seed, scale, asOf), seed), new Faults(seed, faultRate))),
    ),
  );
  // Fresh planner statistics, so the first queries after a bulk load use the indexes.
  await sql`ANALYZE payments, payment_days`.execute(db.kysely);
}
