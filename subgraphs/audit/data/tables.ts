import type { Selectable } from 'kysely';

/**
 * One read of personal data through the gateway, chained to the record before it. Rows are
 * only ever inserted by `audit_append` (migration 002), never through Kysely: the interface
 * is for reading.
 */
export interface AuditLogTable {
  seq: number;
  at: Date;
  request_id: string;
  subject: string;
  role: string;
  province: string | null;
  purpose: string | null;
  operation_name: string | null;
  citizens: string[];
  fields: string[];
  prev_hash: string;
  hash: string;
}

export interface Tables {
  audit_log: AuditLogTable;
}

export type AuditLogRow = Selectable<AuditLogTable>;
