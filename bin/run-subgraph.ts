import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { ensureDevSigningKeys, loadPublicKey, RedisReplayGuard } from '../lib/auth';
import { ConfigError, loadConfig, settings, subgraphSettings } from '../lib/config';
import { openDatabase } from '../lib/db';
import { createLogger } from '../lib/logging';
import { closeRedis, openConfiguredRedis } from '../lib/redis';
import { onShutdown } from '../lib/shutdown';
import { startTracing } from '../lib/telemetry';
import { prepareDatabase, seedIfEmpty, startSubgraph, type PrepareOptions } from '../lib/subgraph';
import { SUBGRAPHS } from '../subgraphs';
import { registryEntry } from '../subgraphs/registry';

/** One subgraph as its own process: `node dist/bin/run-subgraph.js <name>`, a name from subgraphs/registry.json. */

function databaseTarget(own: string | undefined, serverUrl: string | undefined, variable: string): PrepareOptions {
  if (own) return { serverUrl: own, databaseName: new URL(own).pathname.slice(1) };
  if (serverUrl) return { serverUrl };
  throw new ConfigError([`Set DATABASE_URL (a PostgreSQL server) or ${variable} (this subgraph's database); npm start sets it for you`]);
}

/** The gateway's public key: configured, or in development the one kept in the data folder. */
function gatewayPublicKey(config: { mode: string; gatewayPublicKeyFile?: string; dataDir: string }) {
  if (config.gatewayPublicKeyFile) return loadPublicKey(readFileSync(config.gatewayPublicKeyFile, 'utf8'));
  if (config.mode === 'production') throw new ConfigError(['GATEWAY_PUBLIC_KEY_FILE: a production subgraph answers only the gateway, so it needs the gateway\'s public key']);
  return loadPublicKey(readFileSync(ensureDevSigningKeys(config.dataDir).publicKeyFile, 'utf8'));
}

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const entry = registryEntry(name);
  const definition = SUBGRAPHS.find((s) => s.name === name);
  if (!entry || !definition) throw new ConfigError([`Unknown subgraph "${name}"; expected one of ${SUBGRAPHS.map((s) => s.name).join(', ')}`]);
  const own = { port: subgraphSettings.port.of(name, entry.port), ownDatabaseUrl: subgraphSettings.databaseUrl.of(name) };
  const config = loadConfig({ ...settings, ...own });
  const verifyKey = gatewayPublicKey(config);
  const log = createLogger(name);
  const tracing = startTracing({ service: name, exporter: config.tracesExporter });
  // Migrations and seeding may rightly run for minutes; serving never waits on the database for more than the configured limits.
  const maintenance = await prepareDatabase(definition, { ...databaseTarget(config.ownDatabaseUrl, config.databaseUrl, own.ownDatabaseUrl.env), poolSize: config.dbPoolSize });
  const seedOptions = { seed: config.seed, scale: config.scale, asOf: config.seedAsOf, faultRate: config.seedFaultRate };
  const started = Date.now();
  if (await seedIfEmpty(definition, maintenance, seedOptions)) log.info({ ...seedOptions, ms: Date.now() - started }, 'seeded an empty database');
  await maintenance.close();
  const db = openDatabase({ url: maintenance.url, poolSize: config.dbPoolSize, timeouts: { statementMs: config.dbStatementTimeoutMs, acquireMs: config.dbAcquireTimeoutMs } });
  // Replicas share the nonces of signed requests through Redis; without it each process keeps its own.
  const redis = await openConfiguredRedis(config, log);
  const replayGuard = redis ? new RedisReplayGuard(redis, name) : undefined;
  const server = await startSubgraph(definition, {
    db,
    port: config.port,
    host: config.host,
    verifyKey,
    gatewayUrl: config.gatewayUrl,
    maxRequestBytes: config.subgraphMaxRequestMb * 1024 * 1024,
    replayGuard,
    logger: log,
    maxOperationNames: config.metricsMaxOperationNames,
    lookupTimeoutMs: config.gatewayLookupTimeoutMs,
  });
  log.info({ url: server.url, nonces: redis ? 'redis' : 'memory' }, 'listening');
  onShutdown(async () => {
    const { cut } = await server.drain({ delayMs: config.drainDelayMs, timeoutMs: config.drainTimeoutMs });
    if (cut > 0) log.warn({ cut }, 'drain timed out: requests still running were cut');
    await db.close();
    if (redis) await closeRedis(redis);
    await tracing.shutdown();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Subgraph ${process.argv[2]} failed to start: ${(error as Error).message}`);
  process.exit(1);
});
