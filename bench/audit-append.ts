import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { newSignerId, sealBatch } from '../lib/audit';
import type { AuditRecord } from '../lib/auth/audit-record';
import { databaseUrl, dropDatabase } from '../lib/db';
import { prepareDatabase } from '../lib/subgraph';
import { auditSubgraph } from '../subgraphs/audit';
import { auditChangesAndSealsMigration } from '../subgraphs/audit/data/migrations/005-audit-changes-and-seals';
import { sampleAuditRecord } from './audit-sample';

/**
 * `DATABASE_URL=postgres://… node dist/bench/audit-append.js` (after `npm run bench:build`; the
 * server must run on this machine): what one audit record costs the database, the signed
 * `audit_append` of migration 005 next to the unsigned one before it, one record per transaction
 * and in batches of 20 (as group commit sends them under load). The server CPU is read from /proc
 * for the session's backend process; the wall time includes the round trip and the commit.
 */
const RECORDS = 3_000;
const CLOCK_TICKS_PER_SECOND = 100;


const COLUMNS = `at timestamptz, request_id text, subject text, role text, province text, purpose text, operation_name text, citizens text[], fields text[]`;
const UNSIGNED = `SELECT audit_append(r.at, r.request_id, r.subject, r.role, r.province, r.purpose, r.operation_name, r.citizens, r.fields)
  FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS})`;
const SIGNED = `SELECT a.record_seq FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS}, kind text, outcome text, error_codes text[], signer text, batch bigint, signature text)
  CROSS JOIN LATERAL audit_append(r.at, r.request_id, r.subject, r.role, r.province, r.purpose, r.operation_name, r.citizens, r.fields,
    r.kind, r.outcome, r.error_codes, r.signer, r.batch, r.signature) AS a`;

const columns = (r: AuditRecord) => ({
  at: r.at.toISOString(), request_id: r.requestId, subject: r.subject, role: r.role, province: r.province, purpose: r.purpose,
  operation_name: r.operationName, citizens: r.citizens, fields: r.fields, kind: r.kind, outcome: r.outcome, error_codes: r.errorCodes,
});

/** User and system CPU of a local process so far, in µs. */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
}

async function measure(client: pg.Client, backend: number, statement: string, batchSize: number, signed: boolean): Promise<{ server: number; wall: number }> {
  const key = generateKeyPairSync('ed25519').privateKey;
  const signer = newSignerId();
  const send = async (n: number) => {
    const records = Array.from({ length: batchSize }, (_, i) => sampleAuditRecord(n * batchSize + i));
    const seal = signed ? sealBatch(key, signer, n + 1, records) : null;
    const rows = records.map((r, i) => ({ ...columns(r), signer: seal?.signer, batch: seal?.batch, signature: i === records.length - 1 ? seal?.signature : null }));
    await client.query(statement, [JSON.stringify(rows)]);
  };
  const transactions = RECORDS / batchSize;
  for (let n = 0; n < 50; n += 1) await send(n);
  const cpu = cpuMicros(backend);
  const started = process.hrtime.bigint();
  for (let n = 50; n < 50 + transactions; n += 1) await send(n);
  return { server: (cpuMicros(backend) - cpu) / RECORDS, wall: Number(process.hrtime.bigint() - started) / 1e3 / RECORDS };
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server running on this machine.');
  const databaseName = `bench_audit_${process.pid}`;
  const db = await prepareDatabase(auditSubgraph, { serverUrl, databaseName, poolSize: 1 });
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, databaseName) });
  await client.connect();
  try {
    const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const results: string[] = [];
    // Twice each, alternating: the second round shows what the log's growth and a warm cache change.
    let signedNow = true;
    for (const signed of [false, true, false, true]) {
      if (signed && !signedNow) await auditChangesAndSealsMigration.up(db.kysely as never);
      if (!signed && signedNow) await auditChangesAndSealsMigration.down!(db.kysely as never);
      signedNow = signed;
      for (const size of [1, 20]) {
        const { server, wall } = await measure(client, backend, signed ? SIGNED : UNSIGNED, size, signed);
        results.push(`${(signed ? 'signed (005)' : 'unsigned (004)').padEnd(16)} batch ${String(size).padStart(2)}: ${server.toFixed(0).padStart(5)} µs server CPU, ${wall.toFixed(0).padStart(5)} µs wall per record`);
      }
    }
    console.log(results.join('\n'));
  } finally {
    await client.end();
    await db.close();
    await dropDatabase(serverUrl, databaseName);
  }
}

void main();
