import pg from 'pg';
import type { AuditRecord, AuditWriter } from '../../lib/auth/audit-record';

/**
 * The role the connections switch to (migration 003-audit-writer of subgraphs/audit creates
 * it): it may run `audit_append` and nothing else, so this pool can add to the log but never
 * read, change or delete a record.
 */
const WRITER_ROLE = 'lienthong_audit_writer';

/** The records of one batch, as JSON rows `audit_append` is called with, in order, in one statement and one transaction. */
const APPEND_BATCH = `
  SELECT audit_append(r.at, r.request_id, r.subject, r.role, r.province, r.purpose, r.operation_name, r.citizens, r.fields)
  FROM jsonb_to_recordset($1::jsonb) AS r(
    at timestamptz, request_id text, subject text, role text, province text, purpose text,
    operation_name text, citizens text[], fields text[])`;

const APPEND_ONE = 'SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::text[])';

export interface PostgresAuditWriterOptions {
  /** URL of the audit database (`lienthong_audit`); its user must be a member of the writer role. */
  url: string;
  /** Most records written in one transaction. */
  maxBatch?: number;
}

export interface PostgresAuditWriter extends AuditWriter {
  /** Transactions written so far: fewer than records when appends arrived together. */
  readonly transactions: number;
}

interface Pending {
  record: AuditRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const jsonRow = (r: AuditRecord) => ({
  at: r.at.toISOString(),
  request_id: r.requestId,
  subject: r.subject,
  role: r.role,
  province: r.province,
  purpose: r.purpose,
  operation_name: r.operationName,
  citizens: r.citizens,
  fields: r.fields,
});

/**
 * Appends records through `audit_append`, which chains each under the database's lock. Appends
 * that arrive while a transaction is being written wait and go together in the next one (group
 * commit): a commit costs the database more than the append itself, and the lock lets only
 * one transaction extend the chain at a time anyway. Each `append` resolves only once its
 * record is committed; a failure rejects it, and the gateway then withholds the data (fail
 * closed). When a batch fails, its records are tried one by one, so a record the log refuses
 * fails alone.
 */
export function createPostgresAuditWriter({ url, maxBatch = 200 }: PostgresAuditWriterOptions): PostgresAuditWriter {
  // One transaction at a time: the chain's lock would make a second connection wait anyway.
  const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c role=${WRITER_ROLE}` });
  // An idle client that loses its server must not take the gateway down; the next append fails instead.
  pool.on('error', () => undefined);
  const queue: Pending[] = [];
  let writing = false;
  let transactions = 0;

  const appendOne = async ({ record: r, resolve, reject }: Pending) => {
    transactions += 1;
    await pool.query(APPEND_ONE, [r.at, r.requestId, r.subject, r.role, r.province, r.purpose, r.operationName, r.citizens, r.fields]).then(() => resolve(), reject);
  };

  const write = async (batch: Pending[]) => {
    if (batch.length === 1) return appendOne(batch[0]!);
    transactions += 1;
    try {
      await pool.query(APPEND_BATCH, [JSON.stringify(batch.map((pending) => jsonRow(pending.record)))]);
    } catch {
      for (const pending of batch) await appendOne(pending);
      return;
    }
    for (const pending of batch) pending.resolve();
  };

  const drain = async () => {
    writing = true;
    try {
      while (queue.length > 0) await write(queue.splice(0, maxBatch));
    } finally {
      writing = false;
    }
  };

  return {
    append: (record) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ record, resolve, reject });
        if (!writing) void drain();
      }),
    get transactions() {
      return transactions;
    },
    close: () => pool.end(),
  };
}
