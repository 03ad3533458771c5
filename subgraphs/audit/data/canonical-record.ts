import { createHash } from 'node:crypto';
import type { AuditLogRow } from './tables';

/** `prev_hash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** A record as the chain covers it: every column but the two hashes. */
export interface ChainedRecord {
  seq: number;
  at: Date;
  requestId: string;
  subject: string;
  role: string;
  province: string | null;
  purpose: string | null;
  operationName: string | null;
  citizens: readonly string[];
  fields: readonly string[];
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
});

const value = (text: string | null): string => (text === null ? '\\N' : text.replace(/[\\|,]/g, (c) => `\\${c}`));

const list = (elements: readonly string[]): string => `${elements.length}:${elements.map(value).join(',')}`;

/**
 * The text a record's hash covers. The database computes the same text in `audit_canonical_text`
 * (migration 002, which documents the format) when it appends; this one is what the verifier
 * recomputes, and a test holds the two equal.
 */
export function canonicalText(record: ChainedRecord): string {
  return [
    String(record.seq),
    record.at.toISOString(),
    value(record.requestId),
    value(record.subject),
    value(record.role),
    value(record.province),
    value(record.purpose),
    value(record.operationName),
    list(record.citizens),
    list(record.fields),
  ].join('|');
}

/** `hash = sha256(prev_hash | canonical text)`, hex, as `audit_append` computes it. */
export const chainHash = (prevHash: string, record: ChainedRecord): string =>
  createHash('sha256').update(`${prevHash}|${canonicalText(record)}`, 'utf8').digest('hex');
