import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchResult, OperationResult } from './harness';
import { signedSubgraphCpu } from './verdicts';

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const num = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 1 });

/** One operation's table: every target measured, and LiênThông's ratio to it. */
export function operationTable(op: OperationResult): string {
  const lines = [
    '| target | req/s | p50 ms | p99 ms | errors | peak RSS | CPU ms/request (target · subgraphs) | LiênThông ÷ target (req/s) | LiênThông ÷ target (p50) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of op.results) {
    const ratio = op.ratios[r.target];
    const rss = r.target === 'direct' ? `${mib(r.peakRssBytes)} (subgraph)` : mib(r.peakRssBytes);
    lines.push(
      `| ${r.label} | ${num(r.requestsPerSecond)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors.total}${r.sameDataAsLienThong ? '' : ' (data differs)'} | ${rss} | ${r.target === 'direct' ? '—' : r.cpuMsPerRequest.target} · ${r.cpuMsPerRequest.subgraphs} | ${ratio ? `${ratio.throughput}×` : '—'} | ${ratio ? `${ratio.p50}×` : '—'} |`,
    );
  }
  return lines.join('\n');
}

/** Each subgraph's CPU per request answering LiênThông (signed) and @apollo/gateway (unsigned), when both ran. */
function subgraphCpuTable(op: OperationResult): string[] {
  const rows = signedSubgraphCpu(op);
  if (rows.length === 0) return [];
  return [
    '| subgraph | CPU ms/request, signed (LiênThông) | unsigned (@apollo/gateway) | signed ÷ unsigned |',
    '|---|--:|--:|--:|',
    ...rows.map((r) => `| ${r.subgraph} | ${r.signed} | ${r.unsigned} | ${r.ratio}× |`),
    '',
  ];
}

const seconds = (value: number | null) => (value === null ? 'reused' : `${value.toFixed(1)} s`);

export function markdown(result: BenchResult): string {
  const { machine: m, settings: s, dataset: d } = result;
  const out: string[] = [];
  out.push(`# LiênThông benchmark, ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC`);
  out.push('');
  out.push(result.valid ? 'Valid run: zero errors, every measured response identical to its verified reference answer, and every gateway returned the same data.' : '**Not a valid run**: some target had errors or answered different data (see the tables).');
  out.push('');
  out.push('## Settings');
  out.push('');
  out.push(`- Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}`);
  out.push(`- Versions: ${Object.entries(result.versions).map(([name, version]) => `${name} ${version ?? '(not installed)'}`).join(', ')}`);
  out.push(`- Dataset: ${s.scale.toLocaleString('en')} citizens (seed ${s.seed}, as of ${s.asOf.slice(0, 10)}); PostgreSQL ${d.postgres.settings.shared_buffers ? `shared_buffers ${d.postgres.settings.shared_buffers}` : ''}, synchronous_commit ${d.postgres.settings.synchronous_commit ?? '?'}`);
  if (result.operations.length > 0) out.push(`- Load: autocannon, ${s.connections} connections, ${s.warmup} s warm-up then ${s.duration} s measured per target and operation; LiênThông workers: ${s.workers}${s.profile ? '; **the LiênThông gateway ran under node --cpu-prof** (slower than unprofiled)' : ''}`);
  if (result.inputs.length > 0) {
    const citizens = new Set(result.inputs.map((i) => i.personalId)).size;
    const provinces = new Set(result.inputs.map((i) => i.provinceCode)).size;
    out.push(`- Inputs, picked from the data and sent in turn to every target: ${citizens} citizens (civil servants with paid dossiers) and ${provinces} provinces (most populous first)`);
  }
  out.push(`- Errors: non-2xx responses, transport errors and timeouts, and 2xx responses whose body differs from the target's verified reference answer (which has data and no GraphQL errors); p50/p99 from every response at full precision; CPU ms/request is the CPU time the target's processes (and, after the dot, all subgraph processes) used while measured, divided by the requests answered; peak RSS sampled every 250 ms over the target's process tree while measured.`);
  const foreign = Math.max(0, ...result.operations.flatMap((op) => op.results.map((r) => r.foreignCores)));
  if (result.operations.length > 0) out.push(`- Other processes on the machine used at most ${foreign} cores during any measurement${foreign > 0.2 ? ' — **the machine was not quiet; treat these numbers with care**' : ' (a quiet machine)'}.`);
  out.push('');
  out.push('How it ran:');
  out.push('');
  for (const line of result.topology) out.push(`- ${line}`);
  out.push('');
  for (const op of result.operations) {
    out.push(`## ${op.name}`);
    out.push('');
    out.push(`${op.description} (subgraphs: ${op.subgraphs.join(', ')})${op.connections === s.connections ? '' : `; driven at ${op.connections} connections`}.`);
    out.push('');
    out.push(operationTable(op));
    out.push('');
    out.push(...subgraphCpuTable(op));
  }
  if (result.verdicts.length > 0) {
    out.push('## Targets (issues 8, 12 and 13) in this run');
    out.push('');
    out.push('| target | measured | |');
    out.push('|---|--:|---|');
    for (const v of result.verdicts) out.push(`| ${v.target} | ${v.detail} | ${v.met ? 'met' : 'missed'} |`);
    out.push('');
  }
  out.push('## Dataset');
  out.push('');
  out.push('| subgraph | seeding (incl. ANALYZE) | database size | rows |');
  out.push('|---|--:|--:|---|');
  for (const name of Object.keys(d.databaseBytes)) {
    const rows = Object.entries(d.rows[name] ?? {}).filter(([, n]) => n > 0).map(([table, n]) => `${table} ${n.toLocaleString('en')}`).join(', ');
    out.push(`| ${name} | ${seconds(d.seededSeconds[name] ?? null)} | ${mib(d.databaseBytes[name]!)} | ${rows} |`);
  }
  const total = Object.values(d.databaseBytes).reduce((sum, bytes) => sum + bytes, 0);
  out.push(`| all, in parallel (wall clock until every subgraph was ready) | ${d.readySeconds.toFixed(1)} s | ${mib(total)} | |`);
  out.push('');
  out.push(`Other processes on the machine kept ${d.foreignCores} cores busy on average meanwhile.`);
  out.push('');
  return out.join('\n');
}

/** Writes `<stem>.md` and `<stem>.json` under `dir`; returns their paths. */
export function writeResults(dir: string, stem: string, result: BenchResult): { markdownFile: string; jsonFile: string } {
  mkdirSync(dir, { recursive: true });
  const markdownFile = path.join(dir, `${stem}.md`);
  const jsonFile = path.join(dir, `${stem}.json`);
  writeFileSync(markdownFile, markdown(result));
  writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  return { markdownFile, jsonFile };
}
