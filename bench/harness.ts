import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databaseUrl } from '../lib/db';
import { secureSupergraph } from '../gateway/access/supergraph-security';
import { peerSupergraph } from './peer-supergraph';
import { DATASET_SEED, serverFacts, startDataset, type Dataset } from './dataset';
import { drive, canonicalData, probe, problemWith, type Measurement } from './load';
import { machine, packageVersion, type Machine } from './machine';
import { OPERATIONS, pickInputs, singleSubgraphOf, type Inputs, type Operation, type OperationName } from './operations';
import type { BenchSettings } from './options';
import { ForeignCpu, RssSampler, treeCpuSeconds } from './proc-stats';
import { startLienThong, startPeer, TARGET_LABELS, type RunningTarget, type Stack, type TargetName } from './targets';
import { ratio, verdictsOf } from './verdicts';

export interface HarnessOptions extends BenchSettings {
  /** Repository root (dist/ must be built). */
  root: string;
  /** PostgreSQL server every database goes on. */
  serverUrl: string;
  /** Database name prefix of this scale's dataset. */
  prefix: string;
  /** Bench data folder: keys, the run's supergraph files, CPU profiles. */
  dataDir: string;
  /** Hive Gateway's install folder, when measured. */
  hiveDir?: string;
  /** With `profile`: where the gateway's (`gateway/`) and each subgraph's (`<name>/`) CPU profiles go. */
  profileDir?: string;
  say(line: string): void;
}

export interface TargetResult extends Measurement {
  target: TargetName;
  label: string;
  /** Peak resident memory of the target's process tree while measured (bytes); for `direct`, the subgraph's. */
  peakRssBytes: number;
  /** Errors during warm-up (not part of the measurement, reported all the same). */
  warmupErrors: number;
  /** Whether its answer's data equals LiênThông's (key order aside). */
  sameDataAsLienThong: boolean;
  /** Mean size of its answers. */
  responseBytes: number;
  /** Cores kept busy by processes outside the bench while measured (0 on a quiet machine). */
  foreignCores: number;
  /** CPU milliseconds per request while measured: the target's process tree, all subgraph processes (and each by name), and the load generator (the harness process). */
  cpuMsPerRequest: { target: number; subgraphs: number; bySubgraph: Record<string, number>; loadGenerator: number };
}

export interface Ratios {
  /** LiênThông's requests/s divided by the peer's. */
  throughput: number;
  /** LiênThông's p50 divided by the peer's. */
  p50: number;
}

export interface OperationResult {
  name: OperationName;
  description: string;
  subgraphs: readonly string[];
  /** Connections each target was driven at (the run's, or fewer for a heavy operation). */
  connections: number;
  results: TargetResult[];
  /** LiênThông against each other target of the same run. */
  ratios: Partial<Record<TargetName, Ratios>>;
}

export interface Verdict {
  target: string;
  met: boolean;
  detail: string;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  versions: Record<string, string | null>;
  settings: BenchSettings & { seed: number; asOf: string };
  topology: string[];
  dataset: {
    scale: number;
    /** Seconds each subgraph spent seeding in this run (null: reused from an earlier run). */
    seededSeconds: Record<string, number | null>;
    readySeconds: number;
    /** Cores other processes kept busy while seeding and starting. */
    foreignCores: number;
    databaseBytes: Record<string, number>;
    rows: Record<string, Record<string, number>>;
    postgres: { version: string; settings: Record<string, string> };
  };
  /** The inputs every target was sent, in turn. */
  inputs: Inputs[];
  operations: OperationResult[];
  verdicts: Verdict[];
  /** Zero errors everywhere and every answer verified: a run that may be reported. */
  valid: boolean;
}

const TOPOLOGY = [
  'Everything shares one machine: the load generator (autocannon, in the harness process), the gateway under test (its own process), each subgraph (one process each) and PostgreSQL.',
  'All gateways are started before measuring and stay up; they are measured one at a time, operation by operation, so the idle ones use memory but no CPU.',
  'LiênThông runs its production entry point (dist/gateway/main.js): JWT verified, access decided, subgraph calls signed (and verified by the subgraphs), one audit record appended to PostgreSQL per read of personal data, before the answer.',
  'Peers do no authorization and no audit: their unsigned subgraph calls run as a national caller holding every scope, with a purpose (the same rows LiênThông\'s caller sees).',
  '"subgraph directly" is the same query sent unsigned to the one subgraph that answers it: the floor for single-subgraph operations.',
];

/** Replaces the subgraph URLs a supergraph was composed with by the bench's. */
function withUrls(supergraphSdl: string, urls: Record<string, string>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => (urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole));
}

function writeSupergraphs(root: string, runDir: string, urls: Record<string, string>): { supergraphFile: string; executableSupergraphFile: string } {
  const sdl = withUrls(readFileSync(path.join(root, 'schema', 'supergraph.graphql'), 'utf8'), urls);
  mkdirSync(runDir, { recursive: true });
  const supergraphFile = path.join(runDir, 'supergraph.graphql');
  const executableSupergraphFile = path.join(runDir, 'supergraph.executable.graphql');
  writeFileSync(supergraphFile, sdl);
  writeFileSync(executableSupergraphFile, peerSupergraph(secureSupergraph(sdl).executableSdl));
  return { supergraphFile, executableSupergraphFile };
}

/** Each subgraph's database URL on the bench's server. */
export const databaseUrlsOf = (options: HarnessOptions, dataset: Dataset): Record<string, string> =>
  Object.fromEntries(dataset.subgraphs.map((s) => [s.name, databaseUrl(options.serverUrl, s.databaseName)]));

/** Where the bench's processes find each other, once the subgraphs of a dataset are up. */
export function stackOf(options: HarnessOptions, dataset: Dataset): Stack {
  const urls = Object.fromEntries(dataset.subgraphs.map((s) => [s.name, s.url]));
  return {
    root: options.root,
    dataDir: options.dataDir,
    serverUrl: options.serverUrl,
    auditDatabaseUrl: databaseUrlsOf(options, dataset).audit!,
    subgraphUrls: urls,
    ...writeSupergraphs(options.root, path.join(options.dataDir, 'run'), urls),
    hiveDir: options.hiveDir,
  };
}

export const requestBody = (operation: Operation, inputs: Inputs) =>
  JSON.stringify({ query: operation.query, variables: operation.variables(inputs), operationName: operation.operationName ?? operation.query.match(/query (\w+)/)?.[1] });

/**
 * The target's verified answers, one per body: each a clean response (data, no errors), and the
 * same bytes when asked again, so every measured response can be checked against them.
 */
async function referenceAnswers(target: RunningTarget, url: string, bodies: readonly string[], operation: string): Promise<string[]> {
  const answers: string[] = [];
  for (const body of bodies) {
    const answer = await probe(url, target.headers, body);
    const problem = problemWith(answer);
    if (problem) throw new Error(`${TARGET_LABELS[target.name]} does not answer ${operation} cleanly: ${problem}`);
    answers.push(answer.text);
  }
  for (let i = 0; i < 3; i += 1) {
    const again = await probe(url, target.headers, bodies[0]!);
    if (again.text !== answers[0]) throw new Error(`${TARGET_LABELS[target.name]} answers ${operation} differently from one request to the next, so its responses cannot be verified`);
  }
  return answers;
}

const connectionsFor = (operation: Operation, options: HarnessOptions) => Math.min(options.connections, operation.maxConnections ?? options.connections);

/**
 * Every operation through LiênThông for the warm-up time before anything is measured, so that the
 * first target measured does not meet subgraphs and PostgreSQL colder than the targets after it
 * (LiênThông is measured first for every operation). Nothing here is counted.
 */
async function warmUp(lienthong: RunningTarget, options: HarnessOptions, inputs: readonly Inputs[]): Promise<void> {
  options.say(`warming up: every operation through LiênThông for ${options.warmup} s`);
  for (const name of options.operations) {
    const operation = OPERATIONS[name];
    const bodies = [...new Set(inputs.map((input) => requestBody(operation, input)))];
    await drive({ url: lienthong.url, headers: lienthong.headers, bodies, connections: connectionsFor(operation, options), seconds: options.warmup, answers: new Set() });
  }
}

async function startTargets(options: HarnessOptions, stack: Stack): Promise<RunningTarget[]> {
  const targets: RunningTarget[] = [];
  try {
    targets.push(await startLienThong(stack, { workers: options.workers, cpuProfileDir: options.profile && options.profileDir ? path.join(options.profileDir, 'gateway') : undefined }));
    if (options.peers.includes('lienthong-unchecked')) targets.push(await startLienThong(stack, { workers: options.workers, admissionChecks: false }));
    for (const peer of ['apollo-gateway', 'hive-gateway'] as const) if (options.peers.includes(peer)) targets.push(await startPeer(stack, peer));
    return targets;
  } catch (error) {
    await Promise.all(targets.map((target) => target.stop()));
    throw error;
  }
}

/**
 * One benchmark run: the subgraphs on the dataset, every gateway started, then for each
 * operation each target in turn — a verified reference answer, warm-up, and a measurement in
 * which every response must equal the reference — and the ratios of LiênThông to each of them.
 */
export async function runBenchmark(options: HarnessOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const { say } = options;
  say(`starting the subgraphs on the ${options.scale.toLocaleString('en')}-citizen dataset (seeded on first use)`);
  const cpuProfileDir = options.profile ? options.profileDir : undefined;
  const dataset: Dataset = await startDataset({ root: options.root, dataDir: options.dataDir, serverUrl: options.serverUrl, scale: options.scale, prefix: options.prefix, cpuProfileDir });
  const targets: RunningTarget[] = [];
  try {
    const byName = Object.fromEntries(dataset.subgraphs.map((s) => [s.name, s]));
    const seededSeconds = Object.fromEntries(dataset.subgraphs.map((s) => [s.name, s.seededSeconds]));
    const databases = Object.fromEntries(dataset.subgraphs.map((s) => [s.name, s.databaseName]));
    const facts = await serverFacts(options.serverUrl, databases);
    if (Object.values(seededSeconds).some((s) => s !== null)) say(`seeded in ${dataset.readySeconds.toFixed(1)} s`);
    const base = {
      startedAt,
      machine: machine(),
      versions: versions(options.root, options.hiveDir, facts.version),
      settings: settingsOf(options),
      topology: TOPOLOGY,
      dataset: { scale: options.scale, seededSeconds, readySeconds: dataset.readySeconds, foreignCores: dataset.foreignCores, databaseBytes: facts.databaseBytes, rows: facts.rows, postgres: { version: facts.version, settings: facts.settings } },
    };
    if (options.seedOnly) return { ...base, finishedAt: new Date().toISOString(), inputs: [], operations: [], verdicts: [], valid: true };

    const stack = stackOf(options, dataset);
    const inputs = await pickInputs(databaseUrlsOf(options, dataset), options.inputs);
    say(`inputs: ${inputs.length} (${new Set(inputs.map((i) => i.personalId)).size} citizens, ${new Set(inputs.map((i) => i.provinceCode)).size} provinces)`);
    targets.push(...(await startTargets(options, stack)));

    await warmUp(targets.find((target) => target.name === 'lienthong')!, options, inputs);
    const operations: OperationResult[] = [];
    for (const name of options.operations) {
      const operation = OPERATIONS[name];
      // Distinct bodies only: the dashboard and the dossier page vary by province alone.
      const bodies = [...new Set(inputs.map((input) => requestBody(operation, input)))];
      const direct = singleSubgraphOf(operation);
      const runs: { target: RunningTarget; url: string }[] = targets.map((target) => ({ target, url: target.url }));
      if (direct && options.peers.includes('direct')) {
        const subgraph = byName[direct]!;
        runs.push({ target: { name: 'direct', url: subgraph.url, headers: {}, pid: subgraph.child.pid, stop: async () => undefined }, url: subgraph.url });
      }
      const results: TargetResult[] = [];
      let lienThongData = '';
      for (const { target, url } of runs) {
        const answers = await referenceAnswers(target, url, bodies, name);
        const data = answers.map(canonicalData).join('\n');
        if (target.name === 'lienthong') lienThongData = data;
        const load = { url, headers: target.headers, bodies, connections: connectionsFor(operation, options), answers: new Set(answers) };
        const warmup = await drive({ ...load, seconds: options.warmup });
        const cpu = () => {
          const bySubgraph = Object.fromEntries(dataset.subgraphs.map((s) => [s.name, treeCpuSeconds(s.child.pid)]));
          return { target: treeCpuSeconds(target.pid), bySubgraph, subgraphs: Object.values(bySubgraph).reduce((sum, seconds) => sum + seconds, 0), loadGenerator: treeCpuSeconds(process.pid, true) };
        };
        const rss = new RssSampler(target.pid).start();
        const foreign = new ForeignCpu();
        const cpuBefore = cpu();
        const measured = await drive({ ...load, seconds: options.duration });
        const cpuAfter = cpu();
        const peakRssBytes = rss.stop();
        const foreignCores = foreign.cores();
        const msPerRequest = (before: number, after: number) => Math.round(((after - before) * 1000 * 100) / Math.max(1, measured.requests)) / 100;
        const perRequest = (key: 'target' | 'subgraphs' | 'loadGenerator') => msPerRequest(cpuBefore[key], cpuAfter[key]);
        const bySubgraph = Object.fromEntries(Object.keys(cpuBefore.bySubgraph).map((name) => [name, msPerRequest(cpuBefore.bySubgraph[name]!, cpuAfter.bySubgraph[name]!)]));
        const result: TargetResult = {
          target: target.name,
          label: TARGET_LABELS[target.name],
          ...measured,
          peakRssBytes,
          warmupErrors: warmup.errors.total,
          sameDataAsLienThong: data === lienThongData,
          responseBytes: Math.round(answers.reduce((sum, answer) => sum + Buffer.byteLength(answer), 0) / answers.length),
          foreignCores,
          cpuMsPerRequest: { target: perRequest('target'), subgraphs: perRequest('subgraphs'), bySubgraph, loadGenerator: perRequest('loadGenerator') },
        };
        results.push(result);
        say(
          `${name.padEnd(18)} ${result.label.padEnd(28)} ${String(result.requestsPerSecond).padStart(8)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.errors.total}  peak RSS ${Math.round(peakRssBytes / 2 ** 20)} MiB  CPU ms/req ${result.cpuMsPerRequest.target} (subgraphs ${result.cpuMsPerRequest.subgraphs})${foreignCores > 0.2 ? `  (other processes used ${foreignCores} cores)` : ''}`,
        );
        for (const sample of result.errors.mismatchedSamples) say(`  mismatched answer: ${sample}`);
      }
      const lienthong = results.find((r) => r.target === 'lienthong')!;
      const ratios = Object.fromEntries(
        results.filter((r) => r.target !== 'lienthong').map((r) => [r.target, { throughput: ratio(lienthong.requestsPerSecond, r.requestsPerSecond), p50: ratio(lienthong.latency.p50, r.latency.p50) }]),
      );
      operations.push({ name, description: operation.description, subgraphs: operation.subgraphs, connections: connectionsFor(operation, options), results, ratios });
    }
    const valid = operations.every((op) => op.results.every((r) => r.errors.total === 0 && r.requests > 0 && r.sameDataAsLienThong));
    return { ...base, finishedAt: new Date().toISOString(), inputs, operations, verdicts: verdictsOf(operations, options.connections), valid };
  } finally {
    await Promise.all(targets.map((target) => target.stop()));
    await dataset.stop();
  }
}

function versions(root: string, hiveDir: string | undefined, postgres: string): Record<string, string | null> {
  const nodeModules = path.join(root, 'node_modules');
  return {
    lienthong: (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version,
    '@apollo/gateway': packageVersion(nodeModules, '@apollo/gateway'),
    '@apollo/server': packageVersion(nodeModules, '@apollo/server'),
    graphql: packageVersion(nodeModules, 'graphql'),
    '@graphql-hive/gateway': hiveDir ? packageVersion(path.join(hiveDir, 'node_modules'), '@graphql-hive/gateway') : null,
    autocannon: packageVersion(nodeModules, 'autocannon'),
    postgresql: postgres,
  };
}

function settingsOf(options: HarnessOptions): BenchResult['settings'] {
  const { scale, duration, warmup, connections, inputs, operations, peers, workers, profile, seedOnly, abuse, faults } = options;
  return { scale, duration, warmup, connections, inputs, operations, peers, workers, profile, seedOnly, abuse, faults, ...DATASET_SEED };
}
