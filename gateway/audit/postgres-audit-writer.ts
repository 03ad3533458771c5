import pg from 'pg';
import type { AuditRecord, AuditWriter } from '../../lib/auth/audit-record';

/**
 * The role the connections switch to (migration 003-audit-writer of subgraphs/audit creates
 * it): it may run `audit_append` and nothing else, so this pool can add to the log but never
 * read, change or delete a record.
 */
const WRITER_ROLE = 'lienthong_audit_writer';

export interface PostgresAuditWriterOptions {
  /** URL of the audit database (`lienthong_audit`); its user must be a member of the writer role. */
  url: string;
  poolSize?: number;
}

/**
 * Appends each record with one `audit_append` call, which chains it under the database's lock.
 * A failure rejects `append`, and the gateway then withholds the data (fail closed).
 */
export function createPostgresAuditWriter({ url, poolSize = 4 }: PostgresAuditWriterOptions): AuditWriter {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c role=${WRITER_ROLE}` });
  // An idle client that loses its server must not take the gateway down; the next append fails instead.
  pool.on('error', () => undefined);
  return {
    append: async (r: AuditRecord) => {
      await pool.query('SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::text[])', [
        r.at,
        r.requestId,
        r.subject,
        r.role,
        r.province,
        r.purpose,
        r.operationName,
        r.citizens,
        r.fields,
      ]);
    },
    close: () => pool.end(),
  };
}
