import { sql } from 'kysely';
import { daysAgo, type OwnHealthSpec } from '../../../lib/data-health';
import { anyOf, type Database } from '../../../lib/db';
import type { Tables } from './tables';

/** Thirty days: a payment still pending a month after it started is stale. */
const STALE_AFTER_DAYS = 30;

/** What payments measures of its payments; a payment changes when it starts, is paid and is refunded. */
export const PAYMENTS_HEALTH: OwnHealthSpec = {
  database: 'payments',
  table: 'payments',
  personalIdColumns: ['payer_id'],
  dossierCodeColumns: ['dossier_code'],
  requiredFields: [{ field: 'Payment.intermediary', column: 'intermediary' }],
  updatedAt: sql<Date>`greatest(created_at, paid_at, refunded_at)`,
  staleness: { days: STALE_AFTER_DAYS, rule: 'A payment still pending 30 days after it started.' },
  stale: sql<boolean>`status = 'PENDING' AND created_at < ${daysAgo(STALE_AFTER_DAYS)}`,
};

/** The payers and dossiers each province's payments name, one per payment, for the databases that hold them to check. */
export async function namedByPayments(db: Database<Tables>, provinceCodes: readonly string[]): Promise<{ provinceCode: string; payerId: string | null; dossierCode: string }[]> {
  return db.kysely
    .selectFrom('payments')
    .select(['province_code as provinceCode', 'payer_id as payerId', 'dossier_code as dossierCode'])
    .where('province_code', '=', anyOf(provinceCodes))
    .execute();
}
