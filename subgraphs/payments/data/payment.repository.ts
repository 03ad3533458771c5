import { sql } from 'kysely';
import type { PaymentMethod, PaymentStatus } from '../../../lib/domain';
import { anyOf, type Database } from '../../../lib/db';
import type { RowScope } from '../../../lib/subgraph';
import { visiblePayments } from './payment-scope';
import type { PaymentRow, Tables } from './tables';

type Db = Database<Tables>;

/** The payments of these IDs the caller may see. */
export async function findPaymentsByIds(db: Db, scope: RowScope, ids: readonly string[]): Promise<PaymentRow[]> {
  return db.kysely
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', anyOf(ids))
    .where(visiblePayments(scope))
    .execute();
}

/** Every attempt the caller may see for each dossier, oldest first. */
export async function findPaymentsByDossierCodes(db: Db, scope: RowScope, codes: readonly string[]): Promise<PaymentRow[]> {
  return db.kysely
    .selectFrom('payments')
    .selectAll()
    .where('dossier_code', '=', anyOf(codes))
    .where(visiblePayments(scope))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The newest `first` payments the caller may see of each payer, in one statement for the whole batch. */
export async function findLatestPaymentsByPayers(db: Db, scope: RowScope, payerIds: readonly string[], first: number): Promise<PaymentRow[]> {
  const ranked = db.kysely
    .selectFrom('payments')
    .selectAll()
    .select(sql<number>`row_number() OVER (PARTITION BY payer_id ORDER BY created_at DESC, id DESC)`.as('rank'))
    .where('payer_id', '=', anyOf(payerIds))
    .where(visiblePayments(scope))
    .as('ranked');
  const rows = await db.kysely
    .selectFrom(ranked)
    .selectAll()
    .where('rank', '<=', first)
    .orderBy('payer_id')
    .orderBy('rank')
    .execute();
  return rows.map(({ rank: _rank, ...row }) => row);
}

export interface PaymentListFilter {
  provinceCode?: string | null;
  status?: PaymentStatus | null;
  method?: PaymentMethod | null;
  dossierCode?: string | null;
  payerId?: string | null;
  minAmount?: number | null;
  maxAmount?: number | null;
}

export interface PaymentPosition {
  createdAt: Date;
  id: string;
}

/** Up to `limit` payments the caller may see after a position, in (created_at, id) order. */
export async function listPayments(db: Db, scope: RowScope, filter: PaymentListFilter, after: PaymentPosition | undefined, limit: number): Promise<PaymentRow[]> {
  let query = db.kysely.selectFrom('payments').selectAll().where(visiblePayments(scope));
  if (filter.provinceCode) query = query.where('province_code', '=', filter.provinceCode);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.method) query = query.where('method', '=', filter.method);
  if (filter.dossierCode) query = query.where('dossier_code', '=', filter.dossierCode);
  if (filter.payerId) query = query.where('payer_id', '=', filter.payerId);
  if (filter.minAmount != null) query = query.where('amount', '>=', filter.minAmount);
  if (filter.maxAmount != null) query = query.where('amount', '<=', filter.maxAmount);
  if (after) query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.createdAt, after.id)));
  return query.orderBy('created_at').orderBy('id').limit(limit).execute();
}

export async function findPaymentByIdempotencyKey(db: Db, key: string): Promise<PaymentRow | undefined> {
  return db.kysely.selectFrom('payments').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export interface NewPayment {
  dossierCode: string;
  procedureCode: string;
  provinceCode: string;
  payerId: string | null;
  amount: number;
  method: PaymentMethod;
  intermediary: string;
  idempotencyKey: string;
}

/**
 * Inserts a PENDING payment in one statement, unless its idempotency key is taken or its
 * dossier is already paid; then it returns nothing. The unique key decides between racing
 * requests inside PostgreSQL, so no check-then-insert window exists.
 */
export async function insertPendingPayment(db: Db, p: NewPayment): Promise<PaymentRow | undefined> {
  const { rows } = await sql<PaymentRow>`
    INSERT INTO payments (dossier_code, procedure_code, province_code, payer_id, amount, method, intermediary, status, idempotency_key)
    SELECT ${p.dossierCode}::text, ${p.procedureCode}::text, ${p.provinceCode}::text, ${p.payerId}::text, ${p.amount}::bigint,
           ${p.method}::text, ${p.intermediary}::text, 'PENDING', ${p.idempotencyKey}::text
    WHERE NOT EXISTS (SELECT 1 FROM payments WHERE dossier_code = ${p.dossierCode}::text AND status = 'PAID')
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING *`.execute(db.kysely);
  return rows[0];
}

/** PENDING → PAID or FAILED in one conditional UPDATE: of two racing settlements, one wins; one the caller may not see is never touched. */
export async function settlePendingPayment(db: Db, scope: RowScope, id: string, succeeded: boolean, transactionRef: string | null): Promise<PaymentRow | undefined> {
  return db.kysely
    .updateTable('payments')
    .set({ status: succeeded ? 'PAID' : 'FAILED', paid_at: succeeded ? sql<Date>`now()` : null, transaction_ref: transactionRef })
    .where('id', '=', id)
    .where(visiblePayments(scope))
    .where('status', '=', 'PENDING')
    .returningAll()
    .executeTakeFirst();
}

/** PAID → REFUNDED in one conditional UPDATE, so a payment is refunded at most once, and only one the caller may see. */
export async function refundPaidPayment(db: Db, scope: RowScope, id: string, reason: string | null): Promise<PaymentRow | undefined> {
  return db.kysely
    .updateTable('payments')
    .set({ status: 'REFUNDED', refunded_at: sql<Date>`now()`, refund_reason: reason })
    .where('id', '=', id)
    .where(visiblePayments(scope))
    .where('status', '=', 'PAID')
    .returningAll()
    .executeTakeFirst();
}
