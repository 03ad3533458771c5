import { closeRedis, connectRedis } from '../../../lib/redis';
import { MemoryReplayGuard, RedisReplayGuard, type ReplayGuard } from '../../../lib/auth';
import { databaseUrl, openDatabase, type Database } from '../../../lib/db';
import type { RunningHttpServer } from '../../../lib/http';
import { createLogger } from '../../../lib/logging';
import { startSubgraph } from '../../../lib/subgraph';
import { residentsSubgraph } from '../../../subgraphs/residents';
import type { ResidentsTables } from '../../../subgraphs/residents/data/tables';
import { operation, unauthenticated } from '../../support/access-fixtures';
import { freePort } from '../../support/free-port';
import type { GraphQLResponse } from '../../support/graphql-client';
import { startTcpRelay, type TcpRelay } from '../../support/tcp-relay';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../../support/test-database';
import { signedHeaders, TEST_KEYS } from '../../support/test-identity';
import { describeWithRedis } from '../../support/test-redis';
import { testSeed } from '../../support/test-subgraph';

const QUERY = operation('{ citizens(first: 2) { edges { node { personalId } } } }');

async function send(url: string, headers: Record<string, string>, body = QUERY): Promise<GraphQLResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}

/** A replica's readiness: `/ready` asks its database and its nonce store (`/health` only says the process runs). */
async function health(server: RunningHttpServer): Promise<number> {
  const response = await fetch(new URL('/ready', server.url));
  await response.body?.cancel();
  return response.status;
}

/** A residents replica as its own process would run it: its own database pool and nonce guard, over the shared database. */
const startReplica = (db: Database<ResidentsTables>, replayGuard: ReplayGuard) =>
  startSubgraph(residentsSubgraph, { db, port: 0, verifyKey: TEST_KEYS.publicKey, replayGuard, logger: createLogger('residents') });

/** The answer of a subgraph that refuses a signed request because its nonce could not be checked. */
const nonceCheckUnavailable: GraphQLResponse = {
  status: 503,
  body: {
    errors: [{ message: 'The residents subgraph is unavailable: it cannot check signed requests for replays.', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
  },
};

let database: TestDatabase<ResidentsTables>;
const replicaPools: Database<ResidentsTables>[] = [];

/** Another pool on the test database, as a second replica's process would open. */
function anotherPool(): Database<ResidentsTables> {
  const pool = openDatabase<ResidentsTables>({ url: databaseUrl(testServerUrl(), database.db.name), poolSize: 2 });
  replicaPools.push(pool);
  return pool;
}

beforeAll(async () => {
  database = await createTestDatabase(residentsSubgraph);
  await residentsSubgraph.seed(database.db, testSeed(200));
});

afterAll(async () => {
  await Promise.all(replicaPools.map((pool) => pool.close()));
  await database.drop();
});

describeWithRedis('Nonces shared by two replicas of a subgraph through one Redis', (redis) => {
  let replicas: RunningHttpServer[];

  beforeAll(async () => {
    replicas = [
      await startReplica(database.db, new RedisReplayGuard(await redis.connect(), 'residents')),
      await startReplica(anotherPool(), new RedisReplayGuard(await redis.connect(), 'residents')),
    ];
  });
  afterAll(() => Promise.all(replicas.map((replica) => replica.close())));

  test('a signed request replica A accepted is refused when replayed to replica B, and to A', async () => {
    const [a, b] = replicas as [RunningHttpServer, RunningHttpServer];
    const headers = signedHeaders('residents', QUERY);
    const accepted = await send(a.url, headers);
    expect(accepted.status).toBe(200);
    expect(accepted.body.errors).toBeUndefined();
    expect(await send(b.url, headers)).toEqual(unauthenticated('the signed request was replayed'));
    expect(await send(a.url, headers)).toEqual(unauthenticated('the signed request was replayed'));
  });

  test('of one signed request sent to both replicas at the same moment, exactly one is answered', async () => {
    const headers = signedHeaders('residents', QUERY);
    const answers = await Promise.all(replicas.map((replica) => send(replica.url, headers)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  test('each replica answers requests signed afresh, and reports itself healthy', async () => {
    for (const replica of replicas) {
      expect((await send(replica.url, signedHeaders('residents', QUERY))).status).toBe(200);
      expect(await health(replica)).toBe(200);
    }
  });

  test('nonces live under the configured key prefix and expire on their own', async () => {
    const client = await redis.connect();
    const headers = signedHeaders('residents', QUERY);
    await send(replicas[0]!.url, headers);
    const key = `nonce:residents:${headers['x-lienthong-nonce']}`;
    // The client adds the prefix itself; the TTL is the request's freshness window and the replicas' clock allowance.
    expect(await client.exists(key)).toBe(1);
    expect(await client.pttl(key)).toBeGreaterThan(0);
  });
});

describeWithRedis('A subgraph whose Redis becomes unreachable, then answers again', (redis) => {
  let relay: TcpRelay;
  let replica: RunningHttpServer;

  beforeAll(async () => {
    relay = await startTcpRelay(Number(new URL(redis.url).port || 6379), new URL(redis.url).hostname);
    const client = await connectRedis({ url: `redis://127.0.0.1:${relay.port}`, keyPrefix: redis.keyPrefix, connectTimeoutMs: 1_000, commandTimeoutMs: 1_000 }, createLogger('test-redis'));
    replica = await startReplica(anotherPool(), new RedisReplayGuard(client, 'residents'));
    const close = replica.close;
    replica = { ...replica, close: async () => (await close(), await closeRedis(client)) } as RunningHttpServer;
  });
  afterAll(async () => {
    await replica.close();
    await relay.close();
  });

  test('refuses signed requests with 503 while Redis is away (fail closed), and answers them again once it is back', async () => {
    expect((await send(replica.url, signedHeaders('residents', QUERY))).status).toBe(200);

    await relay.cut();
    expect(await send(replica.url, signedHeaders('residents', QUERY))).toEqual(nonceCheckUnavailable);
    expect(await health(replica)).toBe(503);

    await relay.restore();
    // The client reconnects on its own; wait for it rather than for a fixed time.
    while ((await health(replica)) !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await send(replica.url, signedHeaders('residents', QUERY))).status).toBe(200);
  });
});

describe('A subgraph whose nonce store is a Redis nobody answers at (fail closed)', () => {
  let replica: RunningHttpServer;
  let closeClient: () => Promise<void>;

  beforeAll(async () => {
    const client = await connectRedis({ url: `redis://127.0.0.1:${await freePort()}`, keyPrefix: 'unused:', connectTimeoutMs: 500, commandTimeoutMs: 500 }, createLogger('test-redis'));
    closeClient = () => closeRedis(client);
    replica = await startReplica(anotherPool(), new RedisReplayGuard(client, 'residents'));
  });
  afterAll(async () => {
    await replica.close();
    await closeClient();
  });

  test('starts, and refuses every correctly signed request with 503 SUBGRAPH_UNAVAILABLE and no data', async () => {
    expect(await send(replica.url, signedHeaders('residents', QUERY))).toEqual(nonceCheckUnavailable);
  });

  test('still refuses what is not correctly signed as before, without asking Redis', async () => {
    expect(await send(replica.url, {})).toEqual(unauthenticated('subgraphs answer only requests signed by the gateway'));
    expect(await send(replica.url, signedHeaders('payments', QUERY))).toEqual(unauthenticated('the request was signed for another subgraph'));
  });

  test('reports itself unready (/ready 503) while it cannot check nonces', async () => {
    expect(await health(replica)).toBe(503);
  });
});

describe('A subgraph keeping its nonces in memory (REDIS_URL unset: one replica)', () => {
  let replica: RunningHttpServer;

  beforeAll(async () => {
    replica = await startReplica(anotherPool(), new MemoryReplayGuard());
  });
  afterAll(() => replica.close());

  test('accepts a signed request once and refuses its replay', async () => {
    const headers = signedHeaders('residents', QUERY);
    expect((await send(replica.url, headers)).status).toBe(200);
    expect(await send(replica.url, headers)).toEqual(unauthenticated('the signed request was replayed'));
  });
});
