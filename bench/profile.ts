import { readFileSync } from 'node:fs';

/** The parts of a V8 .cpuprofile (node --cpu-prof) this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  /** Microseconds since the previous sample. */
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  /** Milliseconds of samples in which it was on top of the stack. */
  ms: number;
  /** Share of busy time (idle excluded), percent. */
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  /** Self time by package or area (node_modules package, Node core, LiênThông's own code, GC, V8). */
  areas: SelfTime[];
  functions: SelfTime[];
}

const IDLE = '(idle)';

/** Which package or part of the process a stack frame belongs to. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'V8 built-ins and native code';
  if (url.startsWith('node:')) return 'Node core (node:…)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const own = url.match(/\/dist\/(gateway|lib|subgraphs)\//);
  return own ? `LiênThông ${own[1]}/` : 'other';
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const dist = url.lastIndexOf('/dist/');
  return dist >= 0 ? url.slice(dist + '/dist/'.length) : url.replace(/^file:\/\//, '');
}

function ranked(totals: Map<string, number>, busyMs: number, limit: number): SelfTime[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, ms]) => ({ name, ms: Math.round(ms), percent: Math.round((ms / busyMs) * 1000) / 10 }));
}

/** Self time per function and per area of a CPU profile, idle time left out of the shares. */
export function summariseProfile(file: string, limit = 30): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = nodes.get(id)!;
    totalMs += ms;
    if (frame.functionName === IDLE) {
      idleMs += ms;
      return;
    }
    const fn = frame.url ? `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}` : frame.functionName || '(anonymous)';
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    const area = areaOf(frame.url, frame.functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
  });
  const busyMs = totalMs - idleMs;
  return { totalMs: Math.round(totalMs), busyMs: Math.round(busyMs), areas: ranked(byArea, busyMs, limit), functions: ranked(byFunction, busyMs, limit) };
}

export function profileMarkdown(summary: ProfileSummary, title: string): string {
  const table = (rows: SelfTime[], head: string) => [`| ${head} | self ms | % of busy |`, '|---|--:|--:|', ...rows.map((r) => `| \`${r.name.replace(/\|/g, '\\|')}\` | ${r.ms} | ${r.percent} |`)].join('\n');
  return [
    `# ${title}`,
    '',
    `Profiled ${(summary.totalMs / 1000).toFixed(1)} s of the process, ${(summary.busyMs / 1000).toFixed(1)} s of it busy (the rest idle: waiting on subgraphs, PostgreSQL and the network). Shares below are of busy time.`,
    '',
    '## By package or area',
    '',
    table(summary.areas, 'area'),
    '',
    '## Top functions by self time',
    '',
    table(summary.functions, 'function'),
    '',
  ].join('\n');
}
