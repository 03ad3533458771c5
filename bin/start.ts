import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { devIssuerKeySet, ensureDevSigningKeys } from '../lib/auth';
import { ConfigError, loadConfig, settings, subgraphSettings } from '../lib/config';
import { startEmbeddedPostgres, type EmbeddedServer } from '../lib/db';
import { onShutdown } from '../lib/shutdown';
import { SUBGRAPH_REGISTRY } from '../subgraphs/registry';

/**
 * `npm start`: the whole federation on one machine. Starts PostgreSQL (embedded unless
 * DATABASE_URL is set), the subgraphs as processes (each migrates and, when empty,
 * seeds its own database), then the gateway; Ctrl-C stops all of it.
 */

/** Each of LiênThông's own subgraphs (subgraphs/registry.json) with the port it runs on here (`<NAME>_PORT`). */
function subgraphPorts(): { name: string; port: number }[] {
  const ports = loadConfig(Object.fromEntries(SUBGRAPH_REGISTRY.map(({ name, port }) => [name, subgraphSettings.port.of(name, port)])));
  return SUBGRAPH_REGISTRY.map(({ name }) => ({ name, port: ports[name] as number }));
}

const say = (line: string) => console.log(`[lienthong] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const portTaken = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

function startChild(name: string, script: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, [path.join(__dirname, '..', script), ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, process: child, exited };
}

/** Polls an HTTP endpoint until it answers 200; fails if the child dies first. */
async function waitUntilOk(child: Child, url: string): Promise<void> {
  let dead = false;
  void child.exited.then(() => (dead = true));
  for (let attempt = 0; ; attempt += 1) {
    if (dead) throw new Error(`${child.name} stopped before it was ready (see its message above)`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (attempt > 0 && attempt % 40 === 0) say(`${child.name} is still preparing its database…`);
    await sleep(250);
  }
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await child.exited;
  clearTimeout(timer);
}

const children: Child[] = [];
let embedded: EmbeddedServer | undefined;
let stopping = false;

async function stopAll(): Promise<void> {
  stopping = true;
  await Promise.all(children.map(stopChild));
  await embedded?.stop();
  embedded = undefined;
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

  let serverUrl = config.databaseUrl;
  if (!serverUrl) {
    if (await portTaken('127.0.0.1', config.embeddedPostgresPort)) {
      throw new ConfigError([`LT_EMBEDDED_PG_PORT: port ${config.embeddedPostgresPort} is taken: is LiênThông already running?`]);
    }
    const dir = path.join(config.dataDir, 'postgres');
    say(`starting embedded PostgreSQL in ${dir}`);
    embedded = await startEmbeddedPostgres({ dir, port: config.embeddedPostgresPort });
    serverUrl = embedded.url;
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
    // Subgraphs check references through the gateway this launcher starts.
    GATEWAY_URL: process.env.GATEWAY_URL ?? `${gatewayBase}/graphql`,
  };
  // The gateway routes by the supergraph; where these ports differ from the registry's, it is told by name.
  const urls: Record<string, string> = {};
  say(`starting subgraphs (an empty database is seeded with ${config.scale.toLocaleString('en')} synthetic citizens, seed ${config.seed})`);
  const subgraphs = ports.map(({ name, port }) => {
    const base = `http://${config.host}:${port}`;
    urls[subgraphSettings.url.of(name).env] = `${base}/graphql`;
    const child = startChild(name, 'bin/run-subgraph.js', [name], env);
    children.push(child);
    return { child, health: `${base}/health` };
  });
  const watchUnexpectedExit = (child: Child) =>
    void child.exited.then(async (code) => {
      if (stopping) return;
      say(`${child.name} exited unexpectedly (code ${code}); stopping everything`);
      await stopAll();
      process.exit(1);
    });
  await Promise.all(subgraphs.map(({ child, health }) => waitUntilOk(child, health)));
  const gateway = startChild('gateway', 'gateway/main.js', [], { ...env, ...urls });
  children.push(gateway);
  await waitUntilOk(gateway, `${gatewayBase}/ready`);
  children.forEach(watchUnexpectedExit);

  say('LiênThông is running');
  say(`  playground and GraphQL: ${gatewayBase}/  (POST ${gatewayBase}/graphql)`);
  say(`  subgraphs: ${ports.map(({ name, port }) => `${name} :${port}`).join(', ')}`);
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
