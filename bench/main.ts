import 'reflect-metadata';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '../lib/db';
import { findRepoRoot } from '../schema/repo-root';
import { stopAllChildren } from './child-process';
import { abuseMarkdown, runAbuse } from './abuse';
import { faultsMarkdown } from './faults/fault-report';
import { runFaults } from './faults/fault-scenario';
import { runBenchmark } from './harness';
import { parseArgs, USAGE, UsageError, type BenchSettings } from './options';
import { ensureHive } from './peers';
import { profileMarkdown, summariseProfile } from './profile';
import { markdown, writeResults } from './report';
import { freePort } from './targets';

/**
 * `npm run bench`: seeds (once per scale) and starts the subgraphs on an embedded PostgreSQL under
 * bench/.data, drives the same operations through LiênThông, plain @apollo/gateway, Hive Gateway
 * and the subgraph directly, and writes the tables to bench/results/.
 */
const say = (line: string) => console.log(`[bench] ${line}`);

let embedded: EmbeddedServer | undefined;

async function shutDown(code: number): Promise<never> {
  await stopAllChildren();
  await embedded?.stop();
  process.exit(code);
}

/** A scenario's results in bench/results/, as Markdown and JSON, and the Markdown on the terminal. */
function writeReport(root: string, stem: string, text: string, result: unknown): void {
  writeFileSync(path.join(root, 'bench', 'results', `${stem}.md`), text);
  writeFileSync(path.join(root, 'bench', 'results', `${stem}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${text}`);
  say(`results: bench/results/${stem}.md`);
}

/** The CPU profile a process wrote into its own folder. */
function profileIn(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  return file ? path.join(dir, file) : null;
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const settings: BenchSettings = parseArgs(process.argv.slice(2));
  // A profiled gateway is slower: its run measures LiênThông alone, and its numbers are not compared.
  if (settings.profile) settings.peers = ['lienthong'];
  const root = findRepoRoot(__dirname);
  const dataDir = path.join(root, 'bench', '.data');
  const hiveDir = settings.peers.includes('hive-gateway') && !settings.abuse ? ensureHive(root, say) : undefined;

  process.on('SIGINT', () => void shutDown(130));
  process.on('SIGTERM', () => void shutDown(143));
  if (settings.faults) {
    const faults = await runFaults({ root, scale: settings.scale, clients: settings.connections, say });
    writeReport(root, `${faults.startedAt.slice(0, 16).replace(/:/g, '-')}-scale-${settings.scale}-faults`, faultsMarkdown(faults), faults);
    await shutDown(faults.verdicts.every((verdict) => verdict.met) ? 0 : 1);
  }
  say(`starting embedded PostgreSQL in ${path.relative(root, path.join(dataDir, 'postgres'))}`);
  embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, 'postgres'), port: await freePort() });

  const harness = { ...settings, root, serverUrl: embedded.url, prefix: `bench_s${settings.scale}`, dataDir, hiveDir, say };
  if (settings.abuse) {
    const abuse = await runAbuse(harness);
    writeReport(root, `${abuse.startedAt.slice(0, 16).replace(/:/g, '-')}-scale-${settings.scale}-abuse`, abuseMarkdown(abuse), abuse);
    await shutDown(0);
  }
  const profileDir = path.join(dataDir, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
  const result = await runBenchmark({ ...harness, profileDir });
  const stamp = result.startedAt.slice(0, 16).replace(/:/g, '-');
  const stem = `${stamp}-scale-${settings.scale}${settings.profile ? '-profiled' : ''}${settings.seedOnly ? '-seeding' : ''}`;
  const { markdownFile, jsonFile } = writeResults(path.join(root, 'bench', 'results'), stem, result);
  console.log(`\n${markdown(result)}`);
  say(`results: ${path.relative(root, markdownFile)}, ${path.relative(root, jsonFile)}`);

  if (settings.profile) {
    const sections = readdirSync(profileDir).sort((a, b) => (a === 'gateway' ? -1 : b === 'gateway' ? 1 : a.localeCompare(b))).flatMap((name) => {
      const profile = profileIn(path.join(profileDir, name));
      const title = name === 'gateway' ? 'LiênThông gateway' : `subgraph ${name}`;
      return profile ? [profileMarkdown(summariseProfile(profile), `${title}: CPU profile, ${settings.scale.toLocaleString('en')} citizens, ${settings.connections} connections`)] : [];
    });
    if (sections.length === 0) throw new Error('No process wrote a CPU profile');
    const file = path.join(root, 'bench', 'results', `${stem}.cpu.md`);
    writeFileSync(file, sections.join('\n'));
    say(`profiles: ${path.relative(root, profileDir)}; summary: ${path.relative(root, file)}`);
  }
  if (!result.valid) {
    say('NOT a valid run: some target had errors or answered different data');
    await shutDown(1);
  }
  await shutDown(0);
}

main().catch(async (error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else console.error(`[bench] failed: ${(error as Error).stack ?? String(error)}`);
  await shutDown(error instanceof UsageError ? 2 : 1);
});
