import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { GatewayReady, PeerProcessConfig } from './protocol';

/**
 * Plain @apollo/gateway with its default configuration (default data sources and fetcher, no
 * access control, no audit) on the same supergraph, served by @apollo/server's standalone server.
 */
const config = JSON.parse(process.argv[2] ?? '{}') as PeerProcessConfig;

async function main(): Promise<void> {
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(config.supergraphFile, 'utf8') });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { host: config.host, port: config.port } });
  const ready: GatewayReady = { type: 'ready', url };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(`bench: @apollo/gateway failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
