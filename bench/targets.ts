import { createServer } from 'node:net';
import path from 'node:path';
import { issueDevToken, SCOPES, type Caller, type Scope } from '../lib/auth';
import { subgraphSettings } from '../lib/config';
import { messageFrom, startChild, untilOk, type Child } from './child-process';
import type { GatewayReady, PeerProcessConfig } from './processes/protocol';

export const TARGET_NAMES = ['lienthong', 'lienthong-unchecked', 'apollo-gateway', 'hive-gateway', 'direct'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export const TARGET_LABELS: Record<TargetName, string> = {
  lienthong: 'LiênThông (auth + audit on)',
  'lienthong-unchecked': 'LiênThông, no limits/cost/budgets',
  'apollo-gateway': '@apollo/gateway (plain)',
  'hive-gateway': 'Hive Gateway',
  direct: 'subgraph directly',
};

const PURPOSE = 'benchmark';

/**
 * Whom every request runs as: a national caller holding every scope, with a purpose. LiênThông
 * gets it as a development token (and signs it to the subgraphs); the subgraphs give it to the
 * unsigned requests of peers and direct calls.
 */
export const BENCH_CALLER: Caller = {
  subject: 'bench:national-everything',
  role: 'auditor',
  scopes: Object.keys(SCOPES) as Scope[],
  jurisdiction: { kind: 'national' },
  purpose: PURPOSE,
};

/** Where the bench's processes find each other. */
export interface Stack {
  root: string;
  /** LT_DATA_DIR of the LiênThông gateway: the development issuer's and the signing keys. */
  dataDir: string;
  serverUrl: string;
  auditDatabaseUrl: string;
  /** GraphQL URL of each subgraph process, by subgraph name. */
  subgraphUrls: Record<string, string>;
  /** The supergraph as LiênThông serves it (authorization links kept), subgraph URLs rewritten. */
  supergraphFile: string;
  /** The same without the authorization links (which @apollo/gateway refuses), for the peers. */
  executableSupergraphFile: string;
  /** Where Hive Gateway is installed, when it is measured. */
  hiveDir?: string;
}

/** A gateway under test, listening. */
export interface RunningTarget {
  name: TargetName;
  url: string;
  /** Headers every request carries (LiênThông: the bearer token). */
  headers: Record<string, string>;
  /** The process whose memory is sampled. */
  pid: number;
  stop(): Promise<void>;
}

export interface LienThongOptions {
  /** Gateway workers; anything above 1 waits for the gateway's multi-worker mode. */
  workers: number;
  /** Write a CPU profile (node --cpu-prof) here when the gateway stops. */
  cpuProfileDir?: string;
  /** Operation limits, demand control and budgets (ADMISSION_CHECKS); off only to measure what they cost. */
  admissionChecks?: boolean;
  /** BUDGET_MULTIPLIER: the bench sends one caller's requests hundreds a second, far past any role's budget. */
  budgetMultiplier?: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

const HOST = '127.0.0.1';
const READY_MS = 120_000;

/** Every process under test runs as in production; @apollo/gateway's start-up telemetry (it probes cloud metadata addresses) is off. */
const processEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: 'true', ...extra });

/** The compiled script of a bench process: processes always run the built tree (dist/), as in production. */
export const processScript = (root: string, name: string): string => path.join(root, 'dist', 'bench', 'processes', `${name}.js`);

function running(name: TargetName, child: Child, url: string, headers: Record<string, string> = {}): RunningTarget {
  return { name, url, headers, pid: child.pid, stop: () => child.stop() };
}

/**
 * LiênThông's own process entry point, `dist/gateway/main.js`, configured only through its
 * environment as in production: tokens verified, access decided, subgraph calls signed, every read
 * of personal data appended to the PostgreSQL audit log before it is returned.
 */
export async function startLienThong(stack: Stack, { workers, cpuProfileDir, admissionChecks = true, budgetMultiplier = 10_000 }: LienThongOptions): Promise<RunningTarget> {
  // The hook for issue 4's "workers on every core": when the gateway gains a multi-worker mode,
  // pass `workers` to it here (its variable or flag); RSS is already sampled over the process tree.
  if (workers !== 1) throw new Error(`--workers ${workers}: the LiênThông gateway has no multi-worker mode yet; bench/targets.ts startLienThong is where it plugs in`);
  const port = await freePort();
  const env = processEnv({
    LT_MODE: 'development',
    LT_DATA_DIR: stack.dataDir,
    LT_HOST: HOST,
    GATEWAY_PORT: String(port),
    SUPERGRAPH_PATH: stack.supergraphFile,
    DATABASE_URL: stack.serverUrl,
    [subgraphSettings.databaseUrl.of('audit').env]: stack.auditDatabaseUrl,
    LOG_LEVEL: 'warn',
    // Budgets are charged on every request all the same; they are only large enough not to refuse.
    BUDGET_MULTIPLIER: String(budgetMultiplier),
    ADMISSION_CHECKS: String(admissionChecks),
  });
  const execArgv = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child = startChild('LiênThông gateway', path.join(stack.root, 'dist', 'gateway', 'main.js'), [], { env, execArgv });
  const base = `http://${HOST}:${port}`;
  try {
    await untilOk(child, `${base}/ready`, READY_MS);
  } catch (error) {
    await child.stop();
    throw error;
  }
  const token = await issueDevToken({ dataDir: stack.dataDir, role: BENCH_CALLER.role, scopes: BENCH_CALLER.scopes, purpose: PURPOSE, subject: BENCH_CALLER.subject, ttlSeconds: 6 * 3600 });
  return running(admissionChecks ? 'lienthong' : 'lienthong-unchecked', child, `${base}/graphql`, { authorization: `Bearer ${token}` });
}

/** A peer gateway in its own process (bench/processes/<script>.js), on the supergraph without the authorization links. */
export async function startPeer(stack: Stack, name: 'apollo-gateway' | 'hive-gateway'): Promise<RunningTarget> {
  const config: PeerProcessConfig = { supergraphFile: stack.executableSupergraphFile, host: HOST, port: await freePort(), installDir: stack.hiveDir };
  const child = startChild(TARGET_LABELS[name], processScript(stack.root, name), [JSON.stringify(config)], { env: processEnv({}) });
  try {
    const { url } = await messageFrom<GatewayReady>(child, 'ready', READY_MS);
    return running(name, child, url);
  } catch (error) {
    await child.stop();
    throw error;
  }
}
