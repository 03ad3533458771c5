import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig, settings } from '../lib/config';
import { createLogger } from '../lib/logging';
import { onShutdown } from '../lib/shutdown';
import { startGateway } from './start-gateway';
import { UnknownSubgraphError } from './subgraph-endpoints';

const gatewaySettings = {
  host: settings.host,
  gatewayPort: settings.gatewayPort,
  supergraphPath: settings.supergraphPath,
  residentsUrl: settings.residentsUrl,
  civilServantsUrl: settings.civilServantsUrl,
  publicServicesUrl: settings.publicServicesUrl,
  paymentsUrl: settings.paymentsUrl,
};

/** The supergraph file is missing: the message tells the operator how to make it. */
class StartupError extends Error {}

async function readSupergraph(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new StartupError(`No supergraph at ${file}: run \`npm run compose\` to generate it (or set SUPERGRAPH_PATH).`);
  }
}

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  const config = loadConfig(gatewaySettings);
  const gateway = await startGateway({
    supergraphSdl: await readSupergraph(path.resolve(config.supergraphPath)),
    subgraphUrls: {
      residents: config.residentsUrl,
      'civil-servants': config.civilServantsUrl,
      'public-services': config.publicServicesUrl,
      payments: config.paymentsUrl,
    },
    host: config.host,
    port: config.gatewayPort,
    logger,
  });
  logger.info(`LiênThông gateway at ${gateway.url} (playground at ${new URL('/', gateway.url).href})`);
  onShutdown(() => gateway.close());
}

// Problems the operator fixes print their message alone; anything else is a bug and keeps its stack.
main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof UnknownSubgraphError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`${(error as Error).message}: another process holds the port (set GATEWAY_PORT).`);
  else console.error(error);
  process.exit(1);
});
