import { createServer, type RequestListener } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { GatewayReady, PeerProcessConfig } from './protocol';

/**
 * Hive Gateway through its JavaScript API (`createGatewayRuntime` on Node's HTTP server) with its
 * defaults, on the same supergraph file. It is loaded from its own install folder
 * (bench/peers/hive), never from the project's dependencies.
 */
const config = JSON.parse(process.argv[2] ?? '{}') as PeerProcessConfig;

interface HiveGatewayModule {
  createGatewayRuntime(options: { supergraph: string; logging: string }): RequestListener & { dispose(): Promise<void> };
}

async function main(): Promise<void> {
  const installDir = config.installDir ?? '';
  const peerRequire = createRequire(path.join(installDir, 'package.json'));
  const { createGatewayRuntime } = peerRequire('@graphql-hive/gateway') as HiveGatewayModule;
  const gateway = createGatewayRuntime({ supergraph: config.supergraphFile, logging: 'warn' });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const stop = () => server.close(() => void gateway.dispose().finally(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const ready: GatewayReady = { type: 'ready', url: `http://${config.host}:${config.port}/graphql` };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(`bench: Hive Gateway failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
