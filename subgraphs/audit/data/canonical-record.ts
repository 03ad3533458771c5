import { createHash } from 'node:crypto';
import { kindText, readText, textValue, type RecordContent } from '../../../lib/audit';
import type { AuditLogRow } from './tables';

/** `prev_hash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** A record as the chain covers it: every column but the two hashes. */
export interface ChainedRecord extends RecordContent {
  seq: number;
  signer: string | null;
  batch: number | null;
  signature: string | null;
}

/** The chained fields of a stored row. */
export const chainedRecordOf = (row: AuditLogRow): ChainedRecord => ({
  seq: row.seq,
  at: row.at,
  requestId: row.request_id,
  subject: row.subject,
  role: row.role,
  province: row.province,
  purpose: row.purpose,
  operationName: row.operation_name,
  citizens: row.citizens,
  fields: row.fields,
  kind: row.kind,
  outcome: row.outcome,
  errorCodes: row.error_codes,
  signer: row.signer,
  batch: row.batch,
  signature: row.signature,
});

/** A record whose columns of migration 005 hold their defaults: every record written before it. */
const hasFirstVersionShape = (r: ChainedRecord): boolean =>
  r.kind === 'read' && r.outcome === null && r.errorCodes.length === 0 && r.signer === null && r.batch === null && r.signature === null;

/**
 * The text a record's hash covers. The database computes the same text in `audit_canonical_text`
 * (migrations 002 and 005 document the format) when it appends; this one is what the verifier
 * recomputes, and a test holds the two equal.
 */
export function canonicalText(record: ChainedRecord): string {
  const first = `${record.seq}|${readText(record)}`;
  if (hasFirstVersionShape(record)) return first;
  const batch = record.batch === null ? null : String(record.batch);
  return [first, kindText(record), textValue(record.signer), textValue(batch), textValue(record.signature)].join('|');
}

/** `hash = sha256(prev_hash | canonical text)`, hex, as `audit_append` computes it. */
export const chainHash = (prevHash: string, record: ChainedRecord): string =>
  createHash('sha256').update(`${prevHash}|${canonicalText(record)}`, 'utf8').digest('hex');
