import type { Database } from '../../lib/db';
import type { RunningHttpServer } from '../../lib/http';
import { startGateway } from '../../gateway/start-gateway';
import { composeSupergraph } from '../../schema/compose-supergraph';
import { SUBGRAPHS } from '../../subgraphs';
import { startTestSubgraph, testSeed, type TestSubgraph } from './test-subgraph';

export interface TestGraph {
  /** The gateway's GraphQL URL. */
  url: string;
  gateway: Pick<RunningHttpServer, 'url' | 'port' | 'close'>;
  subgraphs: Record<string, TestSubgraph<unknown>>;
  /** Statements each subgraph's database has run so far, by subgraph name. */
  statementCounts(): Record<string, number>;
  stop(): Promise<void>;
}

/**
 * The whole federation as production runs it, in one test process: four subgraphs over
 * their own seeded databases and the gateway, talking real HTTP on ephemeral ports.
 */
export async function startTestGraph(scale = 2_000): Promise<TestGraph> {
  const running = await Promise.all(SUBGRAPHS.map((definition) => startTestSubgraph(definition, testSeed(scale))));
  const subgraphs = Object.fromEntries(SUBGRAPHS.map((definition, i) => [definition.name, running[i]!]));
  const { supergraphSdl } = await composeSupergraph(SUBGRAPHS);
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
    port: 0,
  });
  return {
    url: gateway.url,
    gateway,
    subgraphs,
    statementCounts: () => Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, (s.db as Database<unknown>).statements.count])),
    stop: async () => {
      await gateway.close();
      await Promise.all(running.map((s) => s.stop()));
    },
  };
}
