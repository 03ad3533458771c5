import { existsSync, readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { auditDatabaseUrl } from '../gateway/audit/audit-database';
import { checkpointDirectory, devAuditPublicKeyFile, readCheckpoints } from '../lib/audit';
import { loadPublicKey } from '../lib/auth';
import { ConfigError, loadConfig, settings } from '../lib/config';
import { databaseUrl, openDatabase } from '../lib/db';
import { embeddedServerUrl, startEmbeddedPostgres, type EmbeddedServer } from '../lib/db/embedded';
import { databaseNameOf } from '../lib/subgraph';
import type { Tables } from '../subgraphs/audit/data/tables';
import { describeVerdict, verifyAuditChain } from '../subgraphs/audit/data/verify-chain';

/**
 * `npm run audit:verify`: recomputes the audit log's hash chain, checks the gateway's signatures
 * over its batches and holds it against the gateway's signed checkpoints, then says whether it
 * is intact (exit 0) or where it was tampered with (exit 1); exit 2 when the log, the
 * checkpoints or the key to check them with cannot be read.
 */

const verifySettings = {
  dataDir: settings.dataDir,
  databaseUrl: settings.databaseUrl,
  embeddedPostgresPort: settings.embeddedPostgresPort,
  auditPublicKeyFile: settings.auditPublicKeyFile,
  auditCheckpointDir: settings.auditCheckpointDir,
};
type VerifyConfig = ReturnType<typeof loadConfig<typeof verifySettings>>;

/** Whether a server answers on the embedded port: refused means nobody listens there. */
async function serverAnswers(serverUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ECONNREFUSED') return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let embedded: EmbeddedServer | undefined;

/** The audit database's URL; starts the embedded server when it is the one and is not running. */
async function auditUrl({ databaseUrl: serverUrlSetting, embeddedPostgresPort, dataDir }: VerifyConfig): Promise<string> {
  const configured = auditDatabaseUrl(serverUrlSetting);
  if (configured) return configured;
  let serverUrl = embeddedServerUrl(embeddedPostgresPort);
  if (!(await serverAnswers(serverUrl))) {
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, 'postgres'), port: embeddedPostgresPort });
    serverUrl = embedded.url;
  }
  return databaseUrl(serverUrl, databaseNameOf('audit'));
}

/** AUDIT_PUBLIC_KEY_FILE, else the development key if the gateway made one; null when there is none. */
function publicKey({ auditPublicKeyFile, dataDir }: VerifyConfig): KeyObject | null {
  const file = auditPublicKeyFile ?? devAuditPublicKeyFile(dataDir);
  if (!auditPublicKeyFile && !existsSync(file)) return null;
  return loadPublicKey(readFileSync(file, 'utf8'));
}

async function main(): Promise<number> {
  const config = loadConfig(verifySettings);
  const trust = { publicKey: publicKey(config), checkpoints: await readCheckpoints(checkpointDirectory(config.auditCheckpointDir, config.dataDir)) };
  const db = openDatabase<Tables>({ url: await auditUrl(config), poolSize: 1 });
  try {
    const verdict = await verifyAuditChain(db, trust);
    console.log(describeVerdict(verdict));
    return verdict.intact ? 0 : 1;
  } finally {
    await db.close();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `audit:verify could not check the audit log: ${(error as Error).message}`);
    return 2;
  })
  .then(async (code) => {
    // Only a server this run started is stopped: one that was already running keeps running.
    await embedded?.stop();
    process.exit(code);
  });
