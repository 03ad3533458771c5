import path from 'node:path';
import { ConfigError, loadConfig, settings } from '../lib/config';
import { startEmbeddedPostgres } from '../lib/db';
import { onShutdown } from '../lib/shutdown';

/**
 * The embedded PostgreSQL as a process of its own, for `npm start` (bin/start.ts) to supervise
 * like the subgraphs and the gateway: it starts the server on the data folder (stopping one left
 * running there first), says so, and exits when the server does, so the launcher sees a database
 * that died and starts it again. SIGTERM (or the launcher going away) stops the server first.
 */
async function main(): Promise<void> {
  const config = loadConfig({ dataDir: settings.dataDir, embeddedPostgresPort: settings.embeddedPostgresPort });
  const server = await startEmbeddedPostgres({ dir: path.join(config.dataDir, 'postgres'), port: config.embeddedPostgresPort, replaceLeftover: true });
  let stopping = false;
  onShutdown(async () => {
    stopping = true;
    await server.stop();
  });
  process.send?.({ ready: server.url });
  const code = await server.exited;
  if (stopping) return;
  console.error(`PostgreSQL stopped by itself (exit code ${code})`);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `The embedded PostgreSQL failed to start: ${(error as Error).message}`);
  process.exit(1);
});
