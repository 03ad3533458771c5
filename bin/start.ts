import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { devIssuerKeySet, ensureDevSigningKeys } from '../lib/auth';
import { ConfigError, loadConfig, settings, subgraphSettings } from '../lib/config';
import { embeddedServerUrl, leftoverServer } from '../lib/db';
import { onShutdown } from '../lib/shutdown';
import { SUBGRAPH_REGISTRY } from '../subgraphs/registry';
import { SupervisedProcess } from './supervised-process';

/**
 * `npm start`: the whole federation on one machine. Starts PostgreSQL (embedded unless
 * DATABASE_URL is set), the subgraphs as processes (each migrates and, when empty,
 * seeds its own database), then the gateway, and keeps them running: a process that dies is
 * started again (bin/supervised-process.ts). Ctrl-C drains and stops all of it, in order.
 */

/** Each of LiênThông's own subgraphs (subgraphs/registry.json) with the port it runs on here (`<NAME>_PORT`). */
function subgraphPorts(): { name: string; port: number }[] {
  const ports = loadConfig(Object.fromEntries(SUBGRAPH_REGISTRY.map(({ name, port }) => [name, subgraphSettings.port.of(name, port)])));
  return SUBGRAPH_REGISTRY.map(({ name }) => ({ name, port: ports[name] as number }));
}

const say = (line: string) => console.log(`[lienthong] ${line}`);

const portTaken = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

let postgres: SupervisedProcess | undefined;
const subgraphs: SupervisedProcess[] = [];
let gateway: SupervisedProcess | undefined;

/** The gateway first (it drains what is in flight), then the subgraphs (nothing calls them any more), then PostgreSQL. */
async function stopAll(): Promise<void> {
  await gateway?.stop();
  await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
  await postgres?.stop();
}

async function main(): Promise<void> {
  const config = loadConfig(settings);
  const ports = subgraphPorts();
  onShutdown(async () => {
    say('stopping…');
    await stopAll();
    say('stopped');
  });

  for (const port of [config.gatewayPort, ...ports.map(({ port }) => port)]) {
    if (await portTaken(config.host, port)) throw new ConfigError([`Port ${port} on ${config.host} is taken: is LiênThông already running? Change the port variables to run a second copy.`]);
  }
  if (!existsSync(config.supergraphPath)) throw new ConfigError([`SUPERGRAPH_PATH: ${config.supergraphPath} does not exist; run npm run compose`]);

  // Children stop within their drain timeout; past it (and 5 s more) they are killed.
  const stopTimeoutMs = config.drainTimeoutMs + 5_000;
  let serverUrl = config.databaseUrl;
  if (!serverUrl) {
    const dir = path.join(config.dataDir, 'postgres');
    // A server this data folder left running (a launcher that was killed) is replaced; anything else on the port is not ours.
    if ((await portTaken('127.0.0.1', config.embeddedPostgresPort)) && leftoverServer(dir) === null) {
      throw new ConfigError([`LT_EMBEDDED_PG_PORT: port ${config.embeddedPostgresPort} is taken: is LiênThông already running?`]);
    }
    say(`starting embedded PostgreSQL in ${dir}`);
    postgres = new SupervisedProcess({ name: 'postgres', script: 'bin/run-postgres.js', env: process.env, stopTimeoutMs }, say);
    await postgres.start();
    serverUrl = embeddedServerUrl(config.embeddedPostgresPort);
  } else {
    say('using the PostgreSQL server in DATABASE_URL');
  }

  // Made once here, before any child could race another to create them.
  if (config.mode === 'development') {
    ensureDevSigningKeys(config.dataDir);
    devIssuerKeySet(config.dataDir);
  }
  const day = config.seedAsOf.toISOString().slice(0, 10);
  const gatewayBase = `http://${config.host}:${config.gatewayPort}`;
  const env = {
    ...process.env,
    DATABASE_URL: serverUrl,
    LT_SEED_AS_OF: process.env.LT_SEED_AS_OF ?? day,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // No load balancer stands in front of npm start, but connections the kernel has accepted and the
    // gateway not yet taken would be reset if it stopped listening at once: a second answers them.
    DRAIN_DELAY_MS: process.env.DRAIN_DELAY_MS ?? '1000',
    // Subgraphs check references through the gateway this launcher starts.
    GATEWAY_URL: process.env.GATEWAY_URL ?? `${gatewayBase}/graphql`,
  };
  // The gateway routes by the supergraph; where these ports differ from the registry's, it is told by name.
  const urls: Record<string, string> = {};
  say(`starting subgraphs (an empty database is seeded with ${config.scale.toLocaleString('en')} synthetic citizens, seed ${config.seed})`);
  for (const { name, port } of ports) {
    const base = `http://${config.host}:${port}`;
    urls[subgraphSettings.url.of(name).env] = `${base}/graphql`;
    subgraphs.push(new SupervisedProcess({ name, script: 'bin/run-subgraph.js', args: [name], env, readyUrl: `${base}/ready`, stopTimeoutMs }, say));
  }
  await Promise.all(subgraphs.map((subgraph) => subgraph.start()));
  gateway = new SupervisedProcess({ name: 'gateway', script: 'gateway/main.js', env: { ...env, ...urls }, readyUrl: `${gatewayBase}/ready`, stopTimeoutMs }, say);
  await gateway.start();

  say('LiênThông is running');
  say(`  playground and GraphQL: ${gatewayBase}/  (POST ${gatewayBase}/graphql)`);
  say(`  subgraphs: ${ports.map(({ name, port }) => `${name} :${port}`).join(', ')}`);
  say(`  processes: ${[postgres, ...subgraphs, gateway].flatMap((child) => (child ? [`${child.spec.name} (pid ${child.pid})`] : [])).join(', ')}`);
  say('  a process that dies is started again; /metrics on each port for Prometheus');
  if (config.mode === 'development') {
    say('  every request needs a token; in development print one with, for example:');
    say('    npm run -s token -- --role province-officer --province 46 --purpose "Giải quyết hồ sơ"');
    say('  and paste it in the playground\'s Token field (or send "Authorization: Bearer <token>")');
  }
  say('press Ctrl-C to stop');
}

main().catch(async (error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `LiênThông failed to start: ${(error as Error).message}`);
  await stopAll().catch(() => undefined);
  process.exit(1);
});
