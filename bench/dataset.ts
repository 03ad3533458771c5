import path from 'node:path';
import pg from 'pg';
import { ensureDevSigningKeys } from '../lib/auth';
import { databaseUrl } from '../lib/db';
import { SUBGRAPHS } from '../subgraphs';
import { messageFrom, startChild, type Child } from './child-process';
import { ForeignCpu } from './proc-stats';
import type { SubgraphProcessConfig, SubgraphReady } from './processes/protocol';
import { BENCH_CALLER, processScript } from './targets';

/** Seed number and "as of" day of every bench dataset: the same scale always gives the same rows. */
export const DATASET_SEED = { seed: 6, asOf: '2026-11-01T03:00:00.000Z' };

export interface DatasetOptions {
  root: string;
  /** LT_DATA_DIR of the bench: the gateway's signing key is made there. */
  dataDir: string;
  serverUrl: string;
  scale: number;
  /** Database names start with it (`<prefix>_residents`, …); one set of databases per scale. */
  prefix: string;
  /** Connections each subgraph keeps to its database (LT_DB_POOL_SIZE's default). */
  poolSize?: number;
  /** Profile each subgraph process (node --cpu-prof) into `<dir>/<subgraph>/`. */
  cpuProfileDir?: string;
}

export interface SubgraphProcess {
  name: string;
  child: Child;
  url: string;
  databaseName: string;
  /** Seconds spent seeding in this run; null when the seeded database was reused. */
  seededSeconds: number | null;
}

export interface Dataset {
  subgraphs: SubgraphProcess[];
  /** Wall-clock seconds from starting the subgraph processes until all were ready (seeding included). */
  readySeconds: number;
  /** Cores other processes kept busy meanwhile. */
  foreignCores: number;
  stop(): Promise<void>;
}

export const databaseNameFor = (prefix: string, subgraph: string): string => `${prefix}_${subgraph.replace(/-/g, '_')}`;

/**
 * Starts every subgraph as its own process over its own database on the server, seeding a
 * database that no earlier run seeded completely for this scale (the subgraphs seed in parallel).
 */
export async function startDataset({ root, dataDir, serverUrl, scale, prefix, poolSize = 10, cpuProfileDir }: DatasetOptions): Promise<Dataset> {
  const { publicKeyFile } = ensureDevSigningKeys(dataDir);
  const started = process.hrtime.bigint();
  const foreign = new ForeignCpu();
  const children = SUBGRAPHS.map((definition) => {
    const config: SubgraphProcessConfig = {
      name: definition.name,
      serverUrl,
      databaseName: databaseNameFor(prefix, definition.name),
      seed: { ...DATASET_SEED, scale },
      publicKeyFile,
      unsignedCaller: BENCH_CALLER,
      poolSize,
    };
    const env = { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    const execArgv = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(cpuProfileDir, definition.name)}`] : [];
    return { config, child: startChild(`subgraph ${definition.name}`, processScript(root, 'subgraph'), [JSON.stringify(config)], { env, execArgv }) };
  });
  const stop = () => Promise.all(children.map(({ child }) => child.stop())).then(() => undefined);
  try {
    // Seeding 1,000,000 citizens takes minutes; the bound only catches a hang.
    const ready = await Promise.all(children.map(({ child }) => messageFrom<SubgraphReady>(child, 'ready', 3 * 3600_000)));
    const readySeconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      subgraphs: children.map(({ config, child }, i) => ({ name: config.name, child, url: ready[i]!.url, databaseName: config.databaseName, seededSeconds: ready[i]!.seededSeconds })),
      readySeconds,
      foreignCores: foreign.cores(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface ServerFacts {
  version: string;
  settings: Record<string, string>;
  /** pg_database_size of each database, bytes, by subgraph name. */
  databaseBytes: Record<string, number>;
  /** Rows of each table (the planner's count, exact after the ANALYZE that ends seeding), by subgraph name. */
  rows: Record<string, Record<string, number>>;
}

async function tableRows(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname NOT LIKE 'kysely%' ORDER BY relname");
    return Object.fromEntries(rows.map((r) => [r.relname as string, Math.max(0, Number(r.n))]));
  } finally {
    await client.end();
  }
}

/** PostgreSQL's version, the settings that matter for the numbers, and the size of each database. */
export async function serverFacts(serverUrl: string, databases: Record<string, string>): Promise<ServerFacts> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    const version = (await client.query('SHOW server_version')).rows[0].server_version as string;
    const names = ['shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'work_mem'];
    const settings = Object.fromEntries((await client.query('SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)', [names])).rows.map((r) => [r.name, `${r.setting}${r.unit ? ` ${r.unit}` : ''}`]));
    const databaseBytes: Record<string, number> = {};
    const rows: Record<string, Record<string, number>> = {};
    for (const [subgraph, name] of Object.entries(databases)) {
      databaseBytes[subgraph] = Number((await client.query('SELECT pg_database_size($1) AS bytes', [name])).rows[0].bytes);
      rows[subgraph] = await tableRows(databaseUrl(serverUrl, name));
    }
    return { version, settings, databaseBytes, rows };
  } finally {
    await client.end();
  }
}
