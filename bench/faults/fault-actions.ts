import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** What the faults act on: the stack `npm start` runs. */
export interface FaultTarget {
  /** LT_DATA_DIR of the stack (its PostgreSQL cluster is under postgres/). */
  dataDir: string;
  /** Everything the launcher printed so far (it names each process with its pid). */
  launcherOutput(): string;
  /** The audit database, as its superuser reaches it. */
  auditDatabaseUrl: string;
}

/** One fault as an operator meets it: injected, held for `holdMs` (0: a single blow, such as a kill), then ended. */
export interface Fault {
  name: string;
  description: string;
  holdMs: number;
  inject(target: FaultTarget): Promise<void>;
  end(target: FaultTarget): Promise<void>;
}

/** The current pid of a process the launcher runs: the last one it printed (it prints again after each restart). */
function pidOf(target: FaultTarget, name: string): number {
  const matches = [...target.launcherOutput().matchAll(new RegExp(`${name}(?: restarted)? \\(pid (\\d+)\\)`, 'g'))];
  const pid = Number(matches.at(-1)?.[1]);
  if (!pid) throw new Error(`the launcher never named the pid of ${name}`);
  return pid;
}

const postmasterOf = (target: FaultTarget) => Number(readFileSync(path.join(target.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

/** PostgreSQL's postmaster and every backend it forked. */
function postgresProcesses(target: FaultTarget): number[] {
  const postmaster = postmasterOf(target);
  const children = readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
  return [postmaster, ...children];
}

const nothing = async () => undefined;

let frozen: number[] = [];
let locker: pg.Client | null = null;

export const FAULTS: Fault[] = [
  {
    name: 'kill-subgraph',
    description: 'the payments subgraph killed (SIGKILL); npm start starts it again',
    holdMs: 0,
    inject: async (target) => void process.kill(pidOf(target, 'payments'), 'SIGKILL'),
    end: nothing,
  },
  {
    name: 'freeze-postgres',
    description: 'PostgreSQL frozen (SIGSTOP to the server and every backend) for 10 s, then thawed',
    holdMs: 10_000,
    inject: async (target) => {
      frozen = postgresProcesses(target);
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    },
    end: async () => {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
    },
  },
  {
    name: 'lock-audit-log',
    description: 'the audit table locked (ACCESS EXCLUSIVE, by an operator\'s transaction) for 10 s, then released',
    holdMs: 10_000,
    inject: async (target) => {
      locker = new pg.Client({ connectionString: target.auditDatabaseUrl });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE');
    },
    end: async () => {
      await locker?.query('ROLLBACK');
      await locker?.end();
    },
  },
  {
    name: 'restart-postgres',
    description: 'PostgreSQL crashed (SIGQUIT: immediate shutdown); npm start starts it again and it recovers from its log',
    holdMs: 0,
    inject: async (target) => void process.kill(postmasterOf(target), 'SIGQUIT'),
    end: nothing,
  },
  {
    name: 'drain-gateway',
    description: 'one of the two gateways sent SIGTERM (a deploy): it drains, exits, and npm start starts it again',
    holdMs: 0,
    inject: async (target) => void process.kill(pidOf(target, 'gateway'), 'SIGTERM'),
    end: nothing,
  },
];
