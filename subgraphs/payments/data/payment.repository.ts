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

/** The payment a caller started with one of their idempotency keys. */
export async function findPaymentByIdempotencyKey(db: Db, owner: string, key: string): Promise<PaymentRow | undefined> {
  return db.kysely.selectFrom('payments').selectAll().where('idempotency_owner', '=', owner).where('idempotency_key', '=', key).executeTakeFirst();
}

export interface NewPayment {
  dossierCode: string;
  procedureCode: string;
  provinceCode: string;
  payerId: string | null;
  amount: number;
  method: PaymentMethod;
  intermediary: string;
  /** The caller whose key it is. */
  idempotencyOwner: string;
  idempotencyKey: string;
}

/**
 * Inserts a PENDING payment in one statement, unless the caller's idempotency key is taken or the
 * dossier already has a payment pending or paid; then it returns nothing. The unique indexes
 * decide between racing requests inside PostgreSQL, so no check-then-insert window exists: of 50
 * attempts on one dossier with 50 keys, one is inserted.
 */
export async function insertPendingPayment(db: Db, p: NewPayment): Promise<PaymentRow | undefined> {
  return db.kysely
    .insertInto('payments')
    .values({
      dossier_code: p.dossierCode,
      procedure_code: p.procedureCode,
      province_code: p.provinceCode,
      payer_id: p.payerId,
      amount: p.amount,
      method: p.method,
      intermediary: p.intermediary,
      status: 'PENDING',
      idempotency_owner: p.idempotencyOwner,
      idempotency_key: p.idempotencyKey,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
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
