import { generateKeyPairSync } from 'node:crypto';
import { createPostgresAuditWriter, type PostgresAuditWriter, type PostgresAuditWriterOptions } from '../../../gateway/audit/postgres-audit-writer';
import { readCheckpoints } from '../../../lib/audit';
import type { AuditRecord } from '../../../lib/auth/audit-record';
import { databaseUrl, type Database } from '../../../lib/db';
import type { AuditLogRow, Tables } from '../../../subgraphs/audit/data/tables';
import type { ChainTrust } from '../../../subgraphs/audit/data/verify-chain';
import { testServerUrl } from '../../support/test-database';

export type AuditDb = Database<Tables>;

/** The URL of a test database, for pools that connect on their own (the writer's). */
export const urlOf = (db: AuditDb): string => databaseUrl(testServerUrl(), db.name);

/** The gateway's audit key pair in these tests: writers sign with it, the verifier checks with its public half. */
export const AUDIT_KEYS = generateKeyPairSync('ed25519');

/** A writer as the gateway makes it, signing with AUDIT_KEYS. */
export const writerFor = (db: AuditDb, options: Partial<PostgresAuditWriterOptions> = {}): PostgresAuditWriter =>
  createPostgresAuditWriter({ url: urlOf(db), signingKey: AUDIT_KEYS.privateKey, ...options });

export const CITIZEN_A = '001090000001';
export const CITIZEN_B = '079185000002';
export const CITIZEN_C = '046200000003';

/** A read as the gateway would hand it over; `n` varies the request and the time. */
export const auditRecord = (n: number, overrides: Partial<AuditRecord> = {}): AuditRecord => ({
  requestId: `req-${n}`,
  at: new Date(Date.UTC(2026, 10, 1, 2, 0, n, 123)),
  subject: 'officer:province-officer:01',
  role: 'province-officer',
  province: '01',
  purpose: 'Xử lý hồ sơ 01-DVC02-261101-000001',
  operationName: 'CitizenProfile',
  citizens: [CITIZEN_A],
  fields: ['Citizen.fullName', 'Citizen.personalId'],
  kind: 'read',
  outcome: null,
  errorCodes: [],
  ...overrides,
});

/** Appends records one after another, each committed (and signed) before the next is sent, then closes the writer. */
export async function appendEach(db: AuditDb, records: readonly AuditRecord[], options: Partial<PostgresAuditWriterOptions> = {}): Promise<void> {
  const writer = writerFor(db, options);
  try {
    for (const record of records) await writer.append(record);
  } finally {
    await writer.close();
  }
}

/** What the verifier holds a log against: the public key, and the checkpoints of a directory (none without one). */
export const trustIn = async (checkpointDir?: string): Promise<ChainTrust> => ({
  publicKey: AUDIT_KEYS.publicKey,
  checkpoints: checkpointDir ? await readCheckpoints(checkpointDir) : { checkpoints: [], unreadable: [] },
});

/** The whole log in chain order, as its owner reads it. */
export const logRows = (db: AuditDb): Promise<AuditLogRow[]> => db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();

/** What an attacker with the owner's (or a superuser's) rights can do: switch the guard off, edit, switch it back on. */
export async function tamper(db: AuditDb, statement: string): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await client.query(statement);
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  } finally {
    client.release();
  }
}

/** The same as a superuser session that fires no trigger at all (how the testers cut the log). */
export async function tamperAsReplica(db: AuditDb, statement: string): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query(statement);
  } finally {
    await client.query('RESET session_replication_role');
    client.release();
  }
}

/**
 * Recomputes every link and hash from record `fromSeq` on with the database's own canonical text,
 * as someone who rewrote a record and wants the chain to verify again would.
 */
export const recomputeChainFrom = (db: AuditDb, fromSeq: number): Promise<void> =>
  tamper(
    db,
    `DO $$
     DECLARE r record; v_prev text;
     BEGIN
       SELECT hash INTO v_prev FROM audit_log WHERE seq < ${fromSeq} ORDER BY seq DESC LIMIT 1;
       v_prev := coalesce(v_prev, repeat('0', 64));
       FOR r IN SELECT * FROM audit_log WHERE seq >= ${fromSeq} ORDER BY seq LOOP
         UPDATE audit_log SET prev_hash = v_prev, hash = encode(sha256(convert_to(v_prev || '|' || audit_canonical_text(
           r.seq, r.at, r.request_id, r.subject, r.role, r.province, r.purpose, r.operation_name, r.citizens, r.fields,
           r.kind, r.outcome, r.error_codes, r.signer, r.batch, r.signature), 'UTF8')), 'hex')
         WHERE seq = r.seq RETURNING hash INTO v_prev;
       END LOOP;
     END $$`,
  );
