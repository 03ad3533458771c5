import type { Database } from '../../lib/db';
import type { RunningHttpServer } from '../../lib/http';
import { startSubgraph, type RequestContext, type SeedOptions, type SubgraphDefinition } from '../../lib/subgraph';
import { forgetSubgraphUrl, registerSubgraphUrl } from './graphql-client';
import { createTestDatabase } from './test-database';
import { TEST_KEYS } from './test-identity';

/** The day synthetic test data is generated "as of", fixed so tests see the same rows every run. */
export const TEST_AS_OF = new Date('2026-11-01T03:00:00Z');

export const testSeed = (scale = 2_000, { seed = 6, asOf = TEST_AS_OF }: Partial<Omit<SeedOptions, 'scale'>> = {}): SeedOptions => ({ seed, scale, asOf });

export interface TestSubgraph<Tables> {
  /** The subgraph's name, which requests to it are signed for. */
  name: string;
  url: string;
  db: Database<Tables>;
  server: RunningHttpServer;
  stop(): Promise<void>;
}

/** Without a gateway, a subgraph's reference look-ups have nowhere to go: mutations that need them fail. */
const NO_GATEWAY = (): string => {
  throw new Error('This test subgraph runs without a gateway: start it in a test graph to check references');
};

/**
 * A subgraph on an ephemeral port over its own freshly seeded database. `gatewayUrl` is read when
 * a mutation checks a reference, so a graph can start its subgraphs before its gateway.
 */
export async function startTestSubgraph<Tables, Ctx extends RequestContext>(
  definition: SubgraphDefinition<Tables, Ctx>,
  seed: SeedOptions | null = testSeed(),
  gatewayUrl: () => string = NO_GATEWAY,
): Promise<TestSubgraph<Tables>> {
  const { db, drop } = await createTestDatabase(definition);
  if (seed) await definition.seed(db, seed);
  const server = await startSubgraph(definition, { db, port: 0, verifyKey: TEST_KEYS.publicKey, gatewayUrl });
  registerSubgraphUrl(server.url, definition.name);
  return {
    name: definition.name,
    url: server.url,
    db,
    server,
    stop: async () => {
      forgetSubgraphUrl(server.url);
      await server.close();
      await drop();
    },
  };
}

/** A handle whose properties reach a value started in `beforeAll`, so tests read it as if they held the value itself. */
export function lateHandle<T extends object>(started: () => T, keys: readonly (keyof T)[]): T {
  return Object.defineProperties(
    {},
    Object.fromEntries(keys.map((key) => [key, { get: () => started()[key], enumerable: true }])),
  ) as T;
}

/**
 * Starts the subgraph before the tests of the enclosing file or `describe` and stops it after
 * them. The handle reaches the running subgraph from `beforeAll` on, so tests and helpers read
 * `subgraph.url` and `subgraph.db` as if they held the subgraph itself.
 */
export function useTestSubgraph<Tables, Ctx extends RequestContext>(
  definition: SubgraphDefinition<Tables, Ctx>,
  seed: SeedOptions | null = testSeed(),
): TestSubgraph<Tables> {
  let running: TestSubgraph<Tables> | undefined;
  beforeAll(async () => {
    running = await startTestSubgraph(definition, seed);
  });
  afterAll(() => running?.stop());
  const started = (): TestSubgraph<Tables> => {
    if (!running) throw new Error('The test subgraph has not started: use it in a test or a hook, not while the file loads');
    return running;
  };
  return lateHandle(started, ['name', 'url', 'db', 'server', 'stop']);
}
