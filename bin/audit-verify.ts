import path from 'node:path';
import pg from 'pg';
import { auditDatabaseUrl } from '../gateway/audit/audit-database';
import { ConfigError, loadConfig, settings } from '../lib/config';
import { databaseUrl, openDatabase } from '../lib/db';
import { embeddedServerUrl, startEmbeddedPostgres, type EmbeddedServer } from '../lib/db/embedded';
import { databaseNameOf } from '../lib/subgraph';
import type { Tables } from '../subgraphs/audit/data/tables';
import { describeVerdict, verifyAuditChain } from '../subgraphs/audit/data/verify-chain';

/**
 * `npm run audit:verify`: recomputes the audit log's hash chain and says whether it is intact
 * (exit 0) or where it was tampered with (exit 1); exit 2 when the log cannot be read at all.
 */

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
async function auditUrl(): Promise<string> {
  const config = loadConfig(settings);
  const configured = auditDatabaseUrl(config.databaseUrl);
  if (configured) return configured;
  let serverUrl = embeddedServerUrl(config.embeddedPostgresPort);
  if (!(await serverAnswers(serverUrl))) {
    embedded = await startEmbeddedPostgres({ dir: path.join(config.dataDir, 'postgres'), port: config.embeddedPostgresPort });
    serverUrl = embedded.url;
  }
  return databaseUrl(serverUrl, databaseNameOf('audit'));
}

async function main(): Promise<number> {
  const db = openDatabase<Tables>({ url: await auditUrl(), poolSize: 1 });
  try {
    const verdict = await verifyAuditChain(db);
    console.log(describeVerdict(verdict));
    return verdict.intact ? 0 : 1;
  } finally {
    await db.close();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `audit:verify could not read the audit log: ${(error as Error).message}`);
    return 2;
  })
  .then(async (code) => {
    // Only a server this run started is stopped: one that was already running keeps running.
    await embedded?.stop();
    process.exit(code);
  });
