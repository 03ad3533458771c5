import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueDevToken, SCOPES } from '../../lib/auth';
import { databaseUrl, embeddedServerUrl } from '../../lib/db';
import { subgraphSettings } from '../../lib/config';
import { startChild, untilOk } from '../child-process';
import type { Verdict } from '../harness';
import { machine, type Machine } from '../machine';
import { OPERATIONS, pickInputs } from '../operations';
import { ForeignCpu } from '../proc-stats';
import { freePort } from '../targets';
import { startBalancer } from './balancer';
import { FAULTS, type FaultTarget } from './fault-actions';
import { outcomeOf, type FaultOutcome, type PhaseStats } from './fault-outcomes';
import { steadyLoad } from './steady-load';

export interface FaultOptions {
  root: string;
  scale: number;
  /** Callers sending citizen profiles one after another, through the load balancer. */
  clients: number;
  say: (line: string) => void;
}

/** The configuration the stack runs with, as the report states it: the shipped defaults, except the drain delay (a load balancer needs it). */
export const FAULT_STACK_SETTINGS = {
  OPERATION_TIMEOUT_MS: '10000',
  SUBGRAPH_TIMEOUT_MS: '5000',
  DB_STATEMENT_TIMEOUT_MS: '5000',
  AUDIT_APPEND_TIMEOUT_MS: '3000',
  DRAIN_DELAY_MS: '1500',
} as const;

export interface FaultsResult {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  scale: number;
  clients: number;
  settings: typeof FAULT_STACK_SETTINGS;
  /** Load averages (1 min) of the machine when the run began and ended, and cores used by processes outside the bench meanwhile. */
  machineLoad: { start: number; end: number; foreignCores: number };
  baseline: PhaseStats;
  faults: FaultOutcome[];
  verdicts: Verdict[];
}

const BASELINE_MS = 5_000;
/** How long each fault is watched after it ends, for the stack to recover. */
const OBSERVE_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The fault scenario (`npm run bench -- --faults`): the whole stack under `npm start` (supervised,
 * on its own ports and data folder), a second gateway beside the launcher's, a load balancer in
 * front of both that follows their /ready, and steady load of citizen profiles through it. Then,
 * one after another: a subgraph killed, PostgreSQL frozen, the audit log locked, PostgreSQL
 * crashed, a gateway drained. Every answer is kept; per fault, the failed requests, the share of
 * partial answers, the longest request and the time to full recovery.
 */
export async function runFaults({ root, scale, clients, say }: FaultOptions): Promise<FaultsResult> {
  const startedAt = new Date().toISOString();
  const foreign = new ForeignCpu();
  const loadAtStart = os.loadavg()[0]!;
  const dataDir = path.join(root, 'bench', '.data', `faults-s${scale}`);
  mkdirSync(dataDir, { recursive: true });
  const [gatewayA, gatewayB, pgPort, residents, civil, services, payments, audit] = (await Promise.all(Array.from({ length: 8 }, () => freePort()))) as [
    number, number, number, number, number, number, number, number,
  ];
  const subgraphPorts: Record<string, number> = { residents, 'civil-servants': civil, 'public-services': services, payments, audit };
  const env = {
    ...process.env,
    ...FAULT_STACK_SETTINGS,
    LT_DATA_DIR: dataDir,
    LT_SCALE: String(scale),
    LT_EMBEDDED_PG_PORT: String(pgPort),
    GATEWAY_PORT: String(gatewayA),
    ...Object.fromEntries(Object.entries(subgraphPorts).map(([name, port]) => [subgraphSettings.port.of(name, port).env, String(port)])),
    BUDGET_MULTIPLIER: '10000',
    LOG_LEVEL: 'error',
    DATABASE_URL: '',
  };
  const logFile = path.join(dataDir, 'stack.log');
  say(`starting the stack under npm start (${scale.toLocaleString('en')} citizens; its output in ${path.relative(root, logFile)})`);
  let output = '';
  /** When (on the load's clock) the launcher said it started a process again. */
  const restarts: number[] = [];
  let clock = () => 0;
  const log = createWriteStream(logFile);
  const launcher = spawn(process.execPath, [path.join(root, 'dist', 'bin', 'start.js')], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  for (const stream of [launcher.stdout!, launcher.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/restarted \(pid/.test(chunk.toString())) restarts.push(clock());
      log.write(chunk);
    });
  }
  const launcherExit = new Promise<number | null>((resolve) => launcher.once('exit', resolve));
  while (!output.includes('LiênThông is running')) {
    if (launcher.exitCode !== null) throw new Error(`npm start stopped before the stack was running:\n${output}`);
    await sleep(250);
  }
  const serverUrl = embeddedServerUrl(pgPort);
  const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
  const second = startChild('second gateway', path.join(root, 'dist', 'gateway', 'main.js'), [], {
    env: {
      ...env,
      DATABASE_URL: serverUrl,
      // The same failures as the launcher's gateway, which writes them to the stack's log; the terminal stays readable.
      LOG_LEVEL: 'fatal',
      GATEWAY_PORT: String(gatewayB),
      ...Object.fromEntries(Object.entries(subgraphPorts).map(([name, port]) => [subgraphSettings.url.of(name).env, url(port)])),
    },
  });
  await untilOk(second, `http://127.0.0.1:${gatewayB}/ready`, 60_000);
  const balancer = await startBalancer([url(gatewayA), url(gatewayB)]);

  const databases = Object.fromEntries(['residents', 'civil-servants', 'payments'].map((name) => [name, databaseUrl(serverUrl, `lienthong_${name.replace(/-/g, '_')}`)]));
  const inputs = await pickInputs(databases, 100);
  const profile = OPERATIONS['citizen-profile'];
  const bodies = inputs.map((input) => JSON.stringify({ query: profile.query, variables: profile.variables(input) }));
  const token = await issueDevToken({ dataDir, role: 'auditor', scopes: Object.keys(SCOPES) as never, purpose: 'fault scenario', ttlSeconds: 3_600 });
  const load = steadyLoad(balancer.url, { authorization: `Bearer ${token}` }, bodies, clients);
  clock = load.now;
  const target: FaultTarget = { dataDir, launcherOutput: () => output, auditDatabaseUrl: databaseUrl(serverUrl, 'lienthong_audit') };

  say(`steady load: ${clients} callers of citizen profiles through a load balancer over two gateways`);
  await sleep(BASELINE_MS);
  const baseline = outcomeOf('baseline', '', 0, load.samples, 0, load.now(), load.now()).stats;
  const faults: FaultOutcome[] = [];
  for (const fault of FAULTS) {
    say(`fault: ${fault.description}`);
    const injected = load.now();
    await fault.inject(target);
    if (fault.holdMs > 0) await sleep(fault.holdMs);
    await fault.end(target);
    const ended = load.now();
    await sleep(OBSERVE_MS);
    faults.push(outcomeOf(fault.name, fault.description, fault.holdMs, load.samples, injected, ended, load.now(), restarts));
  }
  await load.stop();
  await balancer.close();
  await second.stop();
  say('Ctrl-C to npm start');
  process.kill(-launcher.pid!, 'SIGINT');
  await launcherExit;
  log.end();

  const verdicts: Verdict[] = faults.flatMap((fault) => fault.verdicts);
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machine(),
    scale,
    clients,
    settings: FAULT_STACK_SETTINGS,
    machineLoad: { start: loadAtStart, end: os.loadavg()[0]!, foreignCores: foreign.cores() },
    baseline,
    faults,
    verdicts,
  };
}
