import { sql } from 'kysely';
import type { AuditKind } from '../../../lib/auth/audit-record';
import type { Database } from '../../../lib/db';
import { accessKindOf } from '../types/access-kind.type';
import type { AccessRecord } from '../types/access-record.type';
import type { AuditLogRow, Tables } from './tables';

type Db = Database<Tables>;

export const toAccessRecord = (row: AuditLogRow): AccessRecord => ({
  seq: String(row.seq),
  at: row.at,
  requestId: row.request_id,
  kind: accessKindOf(row.kind),
  outcome: row.outcome,
  errorCodes: row.error_codes,
  subject: row.subject,
  role: row.role,
  province: row.province,
  purpose: row.purpose,
  operationName: row.operation_name,
  fields: row.fields,
  citizens: row.citizens,
});

export interface AuditLogQuery {
  /** Records whose citizens include this one. */
  citizen?: string | null;
  subject?: string | null;
  role?: string | null;
  kind?: AuditKind | null;
  atFrom: Date | null;
  atBefore: Date | null;
  /** Continue below this `seq` (newest first). */
  beforeSeq?: number;
  limit: number;
}

/** Up to `limit` records matching the query, newest first. */
export async function listAuditLog(db: Db, q: AuditLogQuery): Promise<AuditLogRow[]> {
  let query = db.kysely.selectFrom('audit_log').selectAll();
  // `citizens @> ARRAY[id]` is what the GIN index on citizens answers.
  if (q.citizen) query = query.where('citizens', '@>', sql<string[]>`ARRAY[${q.citizen}::text]`);
  if (q.subject) query = query.where('subject', '=', q.subject);
  if (q.role) query = query.where('role', '=', q.role);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.atFrom) query = query.where('at', '>=', q.atFrom);
  if (q.atBefore) query = query.where('at', '<', q.atBefore);
  if (q.beforeSeq !== undefined) query = query.where('seq', '<', q.beforeSeq);
  return query.orderBy('seq', 'desc').limit(q.limit).execute();
}

export interface CitizenLogKey {
  personalId: string;
  first: number;
  /** Only records at or after this instant, when given. */
  atFrom: Date | null;
  /** Only records before this instant, when given. */
  atBefore: Date | null;
}

/**
 * The newest records about each citizen, each with its own `first`, in one statement for the
 * whole batch: one GIN lookup per citizen, joined laterally.
 */
export async function findLatestByCitizens(db: Db, keys: readonly CitizenLogKey[]): Promise<(AuditLogRow & CitizenLogKey)[]> {
  const instants = (pick: (k: CitizenLogKey) => Date | null) => keys.map((k) => pick(k)?.toISOString() ?? null);
  const { rows } = await sql<AuditLogRow & CitizenLogKey>`
    SELECT k.personal_id AS "personalId", k.first, k.at_from AS "atFrom", k.at_before AS "atBefore", r.*
      FROM unnest(${keys.map((k) => k.personalId)}::text[], ${keys.map((k) => k.first)}::int[],
                  ${instants((k) => k.atFrom)}::timestamptz[], ${instants((k) => k.atBefore)}::timestamptz[]) AS k(personal_id, first, at_from, at_before)
     CROSS JOIN LATERAL (
       SELECT * FROM audit_log
        WHERE citizens @> ARRAY[k.personal_id] AND (k.at_from IS NULL OR at >= k.at_from) AND (k.at_before IS NULL OR at < k.at_before)
        ORDER BY seq DESC LIMIT k.first
     ) r
     ORDER BY r.seq DESC`.execute(db.kysely);
  return rows;
}
