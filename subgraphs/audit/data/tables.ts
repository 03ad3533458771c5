import type { Selectable } from 'kysely';

/**
 * One access to personal data through the gateway — a read, or a change's intent or outcome —
 * chained to the record before it and sealed in the gateway's signed batch. Rows are only ever
 * inserted by `audit_append` (migrations 002 and 005), never through Kysely: the interface is
 * for reading.
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
  kind: 'read' | 'intent' | 'outcome';
  outcome: 'SUCCEEDED' | 'PARTIAL' | 'FAILED' | 'UNCERTAIN' | null;
  error_codes: string[];
  /** The signed batch the record belongs to; null on records written before migration 005. */
  signer: string | null;
  batch: number | null;
  /** The batch's Ed25519 signature, on one of its records; null on the others. */
  signature: string | null;
  prev_hash: string;
  hash: string;
}

export interface Tables {
  audit_log: AuditLogTable;
}

export type AuditLogRow = Selectable<AuditLogTable>;
