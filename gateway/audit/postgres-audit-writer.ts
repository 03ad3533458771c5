import type { KeyObject } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { BatchSeal, ChainHead } from '../../lib/audit';
import type { AuditRecord, AuditWriter } from '../../lib/auth/audit-record';
import { observePool } from '../../lib/metrics';
import { TracedClient } from '../../lib/telemetry';
import { answersWithin } from '../../lib/subgraph/readiness';
import { auditMetrics } from './audit-metrics';
import { BatchSealer } from './batch-sealer';
import type { CheckpointPublisher } from './checkpoint-publisher';

/**
 * The role the connections switch to (migration 003-audit-writer of subgraphs/audit creates
 * it): it may run `audit_append` and nothing else, so this pool can add to the log but never
 * read, change or delete a record.
 */
const WRITER_ROLE = 'lienthong_audit_writer';

/** The records of one batch, as JSON rows `audit_append` is called with, in order, in one statement and one transaction. */
const APPEND_BATCH = `
  SELECT a.record_seq AS seq, a.record_hash AS hash
  FROM jsonb_to_recordset($1::jsonb) AS r(
    at timestamptz, request_id text, subject text, role text, province text, purpose text,
    operation_name text, citizens text[], fields text[], kind text, outcome text, error_codes text[],
    signer text, batch bigint, signature text)
  CROSS JOIN LATERAL audit_append(r.at, r.request_id, r.subject, r.role, r.province, r.purpose, r.operation_name,
    r.citizens, r.fields, r.kind, r.outcome, r.error_codes, r.signer, r.batch, r.signature) AS a`;

const APPEND_ONE = `SELECT record_seq AS seq, record_hash AS hash
  FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::text[], $10, $11, $12::text[], $13, $14, $15)`;

export interface PostgresAuditWriterOptions {
  /** URL of the audit database (`lienthong_audit`); its user must be a member of the writer role. */
  url: string;
  /** The gateway's Ed25519 audit key: every batch is signed with it (AUDIT_SIGNING_KEY_FILE). */
  signingKey: KeyObject;
  /** Told of the chain's head after each commit, to publish signed checkpoints outside the database. */
  checkpoints?: CheckpointPublisher;
  /** Most records written in one transaction. */
  maxBatch?: number;
  /** Longest an append waits for its record to be committed (AUDIT_APPEND_TIMEOUT_MS); a request's deadline may leave less. */
  appendTimeoutMs?: number;
  /** Longest wait for the connection to the audit database (DB_ACQUIRE_TIMEOUT_MS). */
  acquireTimeoutMs?: number;
}

/** An append that was not committed in time: the request fails closed (AUDIT_UNAVAILABLE). */
export class AuditAppendTimeout extends Error {
  override readonly name = 'AuditAppendTimeout';
}

/** How long the readiness probe may wait for the log's locks. */
const PROBE_MS = 1_000;

/** A database that stops answering cannot enforce its own statement_timeout: the client gives up this much later. */
const SILENT_SERVER_GRACE_MS = 1_000;

export interface PostgresAuditWriter extends AuditWriter {
  /** Transactions written so far: fewer than records when appends arrived together. */
  readonly transactions: number;
}

interface Pending {
  record: AuditRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
  /** Answered already (its time ran out): it is not written if it has not been yet. */
  settled: boolean;
}

/** A record's columns and its batch's seal, which only the batch's last record carries. */
const columnsOf = (r: AuditRecord, seal: BatchSeal, carriesSignature: boolean) => ({
  at: r.at.toISOString(),
  request_id: r.requestId,
  subject: r.subject,
  role: r.role,
  province: r.province,
  purpose: r.purpose,
  operation_name: r.operationName,
  citizens: r.citizens,
  fields: r.fields,
  kind: r.kind,
  outcome: r.outcome,
  error_codes: r.errorCodes,
  signer: seal.signer,
  batch: seal.batch,
  signature: carriesSignature ? seal.signature : null,
});

const newestOf = (heads: ChainHead[]): ChainHead => heads.reduce((newest, head) => (head.seq > newest.seq ? head : newest));

/**
 * Appends records through `audit_append`, which chains each under the database's lock. Appends
 * that arrive while a transaction is being written wait and go together in the next one (group
 * commit): a commit costs the database more than the append itself, and the lock lets only
 * one transaction extend the chain at a time anyway. Each batch is signed once with the
 * gateway's audit key (batch-sealer.ts), which the database never sees. Each `append` resolves
 * only once its record is committed; a failure rejects it, and the gateway then withholds the
 * data (fail closed). When a batch fails, its records are tried one by one, so a record the log
 * refuses fails alone. No append waits longer than `appendTimeoutMs` (or its request's deadline):
 * a lock on the log or a database that does not answer fails it with `AuditAppendTimeout`, and
 * the database cancels the statement too (statement_timeout, lock_timeout).
 */
export function createPostgresAuditWriter({
  url,
  signingKey,
  checkpoints,
  maxBatch = 200,
  appendTimeoutMs = 3_000,
  acquireTimeoutMs = 2_000,
}: PostgresAuditWriterOptions): PostgresAuditWriter {
  const connection = (statementMs: number): pg.PoolConfig => ({
    connectionString: url,
    // One transaction at a time: the chain's lock would make a second connection wait anyway.
    max: 1,
    Client: TracedClient,
    options: `-c role=${WRITER_ROLE}`,
    connectionTimeoutMillis: acquireTimeoutMs,
    statement_timeout: statementMs,
    lock_timeout: statementMs,
    query_timeout: statementMs + SILENT_SERVER_GRACE_MS,
  });
  const pool = new pg.Pool(connection(appendTimeoutMs));
  // The readiness probe has a connection of its own, so it never waits behind the appends it judges.
  const probes = new pg.Pool({ ...connection(PROBE_MS), idleTimeoutMillis: 30_000 });
  // An idle client that loses its server must not take the gateway down; the next append fails instead.
  pool.on('error', () => undefined);
  probes.on('error', () => undefined);
  const forgetPool = observePool(pool, 'audit-writer');
  const metrics = auditMetrics();
  const sealer = new BatchSealer(signingKey);
  const queue: Pending[] = [];
  let writing = false;
  let transactions = 0;

  const append = async (records: AuditRecord[]): Promise<ChainHead[]> => {
    const seal = sealer.seal(records);
    const columns = records.map((r, i) => columnsOf(r, seal, i === records.length - 1));
    transactions += 1;
    metrics.batchSize.observe(records.length);
    const { rows } =
      columns.length === 1
        ? await pool.query<ChainHead>(APPEND_ONE, Object.values(columns[0]!))
        : await pool.query<ChainHead>(APPEND_BATCH, [JSON.stringify(columns)]);
    return rows;
  };

  const write = async (batch: Pending[]): Promise<void> => {
    let heads: ChainHead[];
    try {
      heads = await append(batch.map((pending) => pending.record));
    } catch (error) {
      sealer.failed();
      if (batch.length === 1) {
        metrics.failed.inc();
        return batch[0]!.reject(error);
      }
      for (const pending of batch) await write([pending]);
      return;
    }
    sealer.committed();
    checkpoints?.note(newestOf(heads));
    for (const pending of batch) pending.resolve();
  };

  const drain = async () => {
    writing = true;
    try {
      while (queue.length > 0) {
        // A record whose request has already failed for want of it is not written afterwards.
        const batch = queue.splice(0, maxBatch).filter((pending) => !pending.settled);
        if (batch.length > 0) await write(batch);
      }
    } finally {
      writing = false;
    }
  };

  const enqueue = (record: AuditRecord, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const pending: Pending = {
        record,
        settled: false,
        resolve: () => {
          if (pending.settled) return;
          pending.settled = true;
          clearTimeout(timer);
          metrics.latency.observe((performance.now() - started) / 1000);
          resolve();
        },
        reject: (error) => {
          if (pending.settled) return;
          pending.settled = true;
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        metrics.timedOut.inc();
        pending.reject(new AuditAppendTimeout(`the audit record was not committed within ${timeoutMs} ms`));
      }, timeoutMs);
      queue.push(pending);
      if (!writing) void drain();
    });

  return {
    append: (record, options = {}) => {
      const timeoutMs = Math.min(appendTimeoutMs, (options.deadline ?? Infinity) - Date.now());
      if (timeoutMs <= 0) {
        metrics.timedOut.inc();
        return Promise.reject(new AuditAppendTimeout('the request had no time left to record its access'));
      }
      return enqueue(record, timeoutMs);
    },
    probe: () => answersWithin(() => probes.query('SELECT audit_ready()'), PROBE_MS + SILENT_SERVER_GRACE_MS),
    get transactions() {
      return transactions;
    },
    close: async () => {
      forgetPool();
      await Promise.all([pool.end(), probes.end()]);
      // The last head this gateway committed, published at shutdown.
      await checkpoints?.close();
    },
  };
}
