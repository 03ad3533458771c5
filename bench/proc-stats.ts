import { readdirSync, readFileSync } from 'node:fs';

function statusField(pid: number, field: string): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.split(/\s+/)[1]) : null;
  } catch {
    return null;
  }
}

/** Every descendant of `pid` (a gateway that forks workers is measured whole). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const visit = (p: number) => (children.get(p) ?? []).forEach((child) => (found.push(child), visit(child)));
  visit(pid);
  return found;
}

/**
 * CPU seconds (user + system) a process and its descendants have used so far, including
 * descendants that already exited and were reaped (PostgreSQL's parallel workers come and go);
 * `alone`: the process's own time only.
 */
export function treeCpuSeconds(pid: number, alone = false): number {
  const ticks = [pid, ...(alone ? [] : descendants(pid))].reduce((sum, p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
      // utime, stime; then cutime, cstime: the reaped children's.
      return sum + fields[11]! + fields[12]! + (alone ? 0 : fields[13]! + fields[14]!);
    } catch {
      return sum;
    }
  }, 0);
  return ticks / CLOCK_TICKS;
}

/** Linux's USER_HZ, the unit of /proc CPU times: 100 on every mainstream architecture. */
const CLOCK_TICKS = 100;

/**
 * CPU seconds processes on the whole machine have run (user, nice, system; all cores). Interrupt
 * time is left out: the loopback traffic of the bench's own processes is handled there, and
 * /proc does not charge it to any process.
 */
function machineBusySeconds(): number {
  const [, user, nice, system] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return (user! + nice! + system!) / CLOCK_TICKS;
}

/**
 * How many cores processes outside the bench kept busy over an interval: the machine's busy time
 * minus the harness's process tree (load generator, gateways, subgraphs, PostgreSQL). Anything
 * well above zero means the numbers were taken on a machine shared with other work.
 */
export class ForeignCpu {
  private readonly started = { at: process.hrtime.bigint(), busy: machineBusySeconds(), own: treeCpuSeconds(process.pid) };

  /** Cores used by other processes on average since construction. */
  cores(): number {
    const wall = Number(process.hrtime.bigint() - this.started.at) / 1e9;
    const foreign = machineBusySeconds() - this.started.busy - (treeCpuSeconds(process.pid) - this.started.own);
    return Math.max(0, Math.round((foreign / wall) * 100) / 100);
  }
}

/** Resident memory of a process and its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, p) => sum + (statusField(p, 'VmRSS') ?? 0) * 1024, 0);
}

/** Samples a process tree's RSS on an interval and keeps the peak. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private peakBytes = 0;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 250,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  /** Stops sampling; the peak seen, in bytes. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peakBytes;
  }

  private sample(): void {
    this.peakBytes = Math.max(this.peakBytes, treeRss(this.pid));
  }
}
