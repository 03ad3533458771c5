import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { loadPublicKey } from '../../lib/auth';
import { databaseUrl, dropDatabase, type Database } from '../../lib/db';
import { onShutdown } from '../../lib/shutdown';
import { prepareDatabase, startSubgraph, type SubgraphDefinition } from '../../lib/subgraph';
import { SUBGRAPHS } from '../../subgraphs';
import type { SubgraphProcessConfig, SubgraphReady } from './protocol';

/**
 * One subgraph as its own process for the benchmark: its database seeded once per dataset
 * (marked by a comment on the database, so an interrupted seeding is redone, never reused), then
 * served like bin/run-subgraph does, except that unsigned requests run as the bench caller.
 */
const config = JSON.parse(process.argv[2] ?? '{}') as SubgraphProcessConfig;

async function adminQuery(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl(config.serverUrl, 'postgres') });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

const marker = JSON.stringify({ lienthongBench: config.seed });

async function seeded(): Promise<boolean> {
  const { rows } = await adminQuery("SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1", [config.databaseName]);
  return rows[0]?.note === marker;
}

async function openDataset(definition: SubgraphDefinition): Promise<{ db: Database<unknown>; seededSeconds: number | null }> {
  const options = { serverUrl: config.serverUrl, databaseName: config.databaseName, poolSize: config.poolSize };
  if (await seeded()) return { db: (await prepareDatabase(definition, options)) as Database<unknown>, seededSeconds: null };
  await dropDatabase(config.serverUrl, config.databaseName);
  const db = (await prepareDatabase(definition, options)) as Database<unknown>;
  const started = process.hrtime.bigint();
  // The benchmark's data is clean: its answers are compared byte for byte across gateways, and faults would only add noise.
  await definition.seed(db, { seed: config.seed.seed, scale: config.seed.scale, asOf: new Date(config.seed.asOf), faultRate: 0 });
  await db.pool.query('ANALYZE');
  const seededSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await adminQuery(`COMMENT ON DATABASE ${config.databaseName} IS '${marker}'`);
  return { db, seededSeconds };
}

async function main(): Promise<void> {
  const definition = SUBGRAPHS.find((s) => s.name === config.name) as SubgraphDefinition | undefined;
  if (!definition) throw new Error(`Unknown subgraph ${config.name}`);
  const { db, seededSeconds } = await openDataset(definition);
  const server = await startSubgraph(definition, {
    db,
    port: 0,
    verifyKey: loadPublicKey(readFileSync(config.publicKeyFile, 'utf8')),
    unsignedCaller: config.unsignedCaller,
  });
  onShutdown(async () => {
    await server.close();
    await db.close();
  });
  const ready: SubgraphReady = { type: 'ready', url: server.url, seededSeconds };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(`bench: subgraph ${config.name} failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
