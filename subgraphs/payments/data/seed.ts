import { sql } from 'kysely';
import { copyRows, withoutSecondaryStructures, type Database } from '../../../lib/db';
import { ESSENTIAL_PROCEDURES } from '../../../lib/domain';
import type { SeedOptions } from '../../../lib/subgraph';
import { generateDossiers, generatePayments, type SyntheticPayment } from '../../../lib/synthetic';
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

function* paymentRows(payments: Iterable<SyntheticPayment>) {
  for (const p of payments) {
    // Each seeded payment was started by its payer, who chose its key.
    yield [p.id, p.dossierCode, p.procedureCode, p.provinceCode, p.payerId, p.amount, p.method, p.intermediary, p.status, p.payerId, p.idempotencyKey, p.createdAt, p.paidAt, p.refundedAt];
  }
}

/**
 * The fee schedule from the procedure catalogue, then the payments of the same synthetic
 * dossiers public-services seeds (same seed, scale and day), streamed through COPY: nothing
 * holds all rows at once, so a million citizens seed in seconds.
 */
export async function seedPayments(db: Database<Tables>, { seed, scale, asOf }: SeedOptions): Promise<void> {
  await db.kysely
    .insertInto('fee_schedule')
    .values(ESSENTIAL_PROCEDURES.map((p) => ({ procedure_code: p.code, amount: p.fee, updated_at: asOf })))
    // Fees already in the table may have been changed since; a re-run keeps them.
    .onConflict((oc) => oc.column('procedure_code').doNothing())
    .execute();
  await withoutSecondaryStructures(db.pool, ['payments'], () =>
    copyRows(db.pool, 'payments', PAYMENT_COLUMNS, paymentRows(generatePayments(generateDossiers(seed, scale, asOf), seed))),
  );
  // Fresh planner statistics, so the first queries after a bulk load use the indexes.
  await sql`ANALYZE payments`.execute(db.kysely);
}
