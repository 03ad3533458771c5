import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import { CheckpointPublisher } from '../../gateway/audit/checkpoint-publisher';
import { createPostgresAuditWriter, type PostgresAuditWriterOptions } from '../../gateway/audit/postgres-audit-writer';
import { gatewayIdentity } from '../../gateway/identity/gateway-identity';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../gateway/start-gateway';
import { readCheckpoints } from '../../lib/audit';
import { DEFAULT_AUDIENCE, DEV_ISSUER, issueDevToken, SCOPES, type DevTokenRequest } from '../../lib/auth';
import { databaseUrl, type Database } from '../../lib/db';
import { createLogger } from '../../lib/logging';
import type { SeedOptions } from '../../lib/subgraph';
import { composeSupergraph } from '../../schema/compose-supergraph';
import { SUBGRAPHS } from '../../subgraphs';
import type { ChainTrust } from '../../subgraphs/audit/data/verify-chain';
import { postGraphQL, type GraphQLResponse } from './graphql-client';
import { testServerUrl } from './test-database';
import { TEST_KEYS } from './test-identity';
import { lateHandle, startTestSubgraph, testSeed, type TestSubgraph } from './test-subgraph';

export type TokenRequest = Omit<DevTokenRequest, 'dataDir' | 'ttlSeconds'> & { ttlSeconds?: number };

export interface TestGraph {
  /** The gateway's GraphQL URL. */
  url: string;
  gateway: RunningGateway;
  subgraphs: Record<string, TestSubgraph<unknown>>;
  /** A token the gateway trusts, from the development issuer of this graph. */
  token(request: TokenRequest): Promise<string>;
  /** Sends an operation with a bearer token: by default a national caller holding every scope, with a purpose. */
  query<T = Record<string, unknown>>(source: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** What audit:verify would hold this graph's audit log against: the gateway's audit public key and the checkpoints it published. */
  auditTrust(): Promise<ChainTrust>;
  /** Statements each subgraph's database has run so far, by subgraph name. */
  statementCounts(): Record<string, number>;
  stop(): Promise<void>;
}

export interface TestGraphOptions extends Partial<Omit<SeedOptions, 'scale'>> {
  /** Gateway options other than the graph's own (admission settings, say). */
  gateway?: Partial<GatewayOptions>;
  /** The audit writer's time limits. */
  audit?: Pick<PostgresAuditWriterOptions, 'appendTimeoutMs' | 'acquireTimeoutMs'>;
}

/**
 * The whole federation as production runs it, in one test process: the subgraphs over their
 * own seeded databases and the gateway, talking real HTTP on ephemeral ports, with real token
 * verification, signed subgraph calls, reference look-ups through the gateway and the
 * PostgreSQL audit log.
 */
export async function startTestGraph(scale = 2_000, { gateway: options = {}, audit: auditLimits = {}, ...seed }: TestGraphOptions = {}): Promise<TestGraph> {
  // The subgraphs start first; they learn where the gateway is once it listens.
  let gatewayUrl = '';
  const running = await Promise.all(SUBGRAPHS.map((definition) => startTestSubgraph(definition, testSeed(scale, seed), () => gatewayUrl)));
  const subgraphs = Object.fromEntries(SUBGRAPHS.map((definition, i) => [definition.name, running[i]!]));
  const { supergraphSdl } = await composeSupergraph(SUBGRAPHS);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lienthong-graph-'));
  const identity = gatewayIdentity({ mode: 'development', issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, dataDir });
  const checkpointDir = path.join(dataDir, 'audit-checkpoints');
  // An hour apart: the one checkpoint a test can count on is the one written when the graph stops.
  const checkpoints = new CheckpointPublisher({ dir: checkpointDir, intervalMs: 3_600_000, signingKey: identity.auditSigningKey, logger: createLogger('gateway') });
  const audit = createPostgresAuditWriter({ url: databaseUrl(testServerUrl(), (subgraphs.audit!.db as Database<unknown>).name), signingKey: identity.auditSigningKey, checkpoints, ...auditLimits });
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
    port: 0,
    identity: { ...identity, signingKey: TEST_KEYS.privateKey },
    audit,
    ...options,
    // A test file sends in seconds what a caller sends in an hour: budgets are tested on their own.
    admission: { budgetMultiplier: 1_000, ...options.admission },
  });
  gatewayUrl = gateway.url;
  const token = (request: TokenRequest) => issueDevToken({ ttlSeconds: 600, ...request, dataDir });
  const everything = await token({ role: 'auditor', scopes: Object.keys(SCOPES), purpose: 'automated end-to-end test' });
  return {
    url: gateway.url,
    gateway,
    subgraphs,
    token,
    query: (source, variables = {}, bearer = everything) => postGraphQL(gateway.url, source, variables, bearer ? { authorization: `Bearer ${bearer}` } : {}),
    auditTrust: async () => ({ publicKey: createPublicKey(identity.auditSigningKey), checkpoints: await readCheckpoints(checkpointDir) }),
    statementCounts: () => Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, (s.db as Database<unknown>).statements.count])),
    stop: async () => {
      await gateway.close();
      await audit.close();
      await Promise.all(running.map((s) => s.stop()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the whole graph before the tests of the enclosing file or `describe` and stops it after
 * them; the handle reaches the running graph from `beforeAll` on.
 */
export function useTestGraph(scale = 2_000): TestGraph {
  let running: TestGraph | undefined;
  beforeAll(async () => {
    running = await startTestGraph(scale);
  });
  afterAll(() => running?.stop());
  const started = (): TestGraph => {
    if (!running) throw new Error('The test graph has not started: use it in a test or a hook, not while the file loads');
    return running;
  };
  return lateHandle(started, ['url', 'gateway', 'subgraphs', 'token', 'query', 'statementCounts', 'stop']);
}

/** One subgraph of a graph started with `useTestGraph`, reached as if the test held it (requests to it go signed, as from the gateway). */
export const subgraphOf = <Tables>(graph: TestGraph, name: string): TestSubgraph<Tables> =>
  lateHandle(() => graph.subgraphs[name] as TestSubgraph<Tables>, ['name', 'url', 'db', 'server', 'stop']);
