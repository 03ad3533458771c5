import type { FaultsResult } from './fault-scenario';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** The fault scenario's results as Markdown: the stack's settings, the machine's load, one row per fault, the verdicts. */
export function faultsMarkdown(result: FaultsResult): string {
  const { machine, settings, machineLoad, baseline } = result;
  const failedBy = (by: Record<string, number>) => Object.entries(by).map(([what, count]) => `${count} × ${what}`).join('; ') || '—';
  return [
    `# Fault scenario — ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}. ${result.scale.toLocaleString('en')} citizens.`,
    `Machine load: 1-minute load average ${machineLoad.start.toFixed(2)} at the start and ${machineLoad.end.toFixed(2)} at the end; processes outside the bench kept ${machineLoad.foreignCores} cores busy on average (the machine is shared: other engineers' tests ran beside it).`,
    '',
    `The stack runs under \`npm start\` (supervised), with a second gateway beside the launcher's and a load balancer in front of both that follows their \`/ready\` (every 250 ms, fail-open). ${result.clients} callers send citizen profiles (four subgraphs, an audit record each) one after another through it. Settings: ${Object.entries(settings).map(([key, value]) => `\`${key}=${value}\``).join(', ')}; everything else at its default.`,
    '',
    `Before the faults: ${baseline.requests} requests in 5 s, p50 ${seconds(baseline.p50Ms)}, longest ${seconds(baseline.longestMs)}, ${baseline.failed} failed.`,
    '',
    '| fault | held | requests | failed | partial answers | p50 | longest request | npm start restarted it after | recovery after the fault ended |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...result.faults.map(
      (f) =>
        `| ${f.name}: ${f.description} | ${f.holdSeconds} s | ${f.stats.requests} | ${f.stats.failed} | ${percent(f.stats.partialShare)} | ${seconds(f.stats.p50Ms)} | ${seconds(f.stats.longestMs)} | ${f.restartSeconds === null ? '—' : `${f.restartSeconds} s`} | ${f.recoverySeconds === null ? 'not recovered' : `${f.recoverySeconds} s`} |`,
    ),
    '',
    'Failed requests, by status and error codes (`0 no answer`: the connection failed):',
    '',
    ...result.faults.map((f) => `- ${f.name}: ${failedBy(f.stats.failedBy)}`),
    '',
    'Each fault is watched from the moment it is injected until 10 s after it ended. *Partial*: an answer with data and errors at paths (`SUBGRAPH_UNAVAILABLE`, `SUBGRAPH_TIMEOUT`), the other subgraphs\' fields intact. *Failed*: no data (`AUDIT_UNAVAILABLE`: a read that could not be recorded fails closed), an error status, or no answer. *Recovery*: from the end of the fault to the end of the last answer that was not whole.',
    '',
    '| target | met | measured |',
    '|---|---|---|',
    ...result.verdicts.map((v) => `| ${v.target} | ${v.met ? 'yes' : '**no**'} | ${v.detail} |`),
    '',
  ].join('\n');
}
