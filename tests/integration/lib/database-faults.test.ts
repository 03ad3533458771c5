import pg from 'pg';
import { openDatabase, type Database } from '../../../lib/db';
import type { RunningHttpServer } from '../../../lib/http';
import { startSubgraph } from '../../../lib/subgraph';
import { residentsSubgraph } from '../../../subgraphs/residents';
import type { ResidentsTables } from '../../../subgraphs/residents/data/tables';
import { captureLog, type CapturedLog } from '../../support/captured-log';
import { startFreezableProxy, type FreezableProxy } from '../../support/freezable-proxy';
import { forgetSubgraphUrl, postGraphQL, registerSubgraphUrl } from '../../support/graphql-client';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../../support/test-database';
import { TEST_KEYS } from '../../support/test-identity';
import { testSeed } from '../../support/test-subgraph';

/*
 * No wait on the database is unbounded, and every way a database fails reaches the client as a
 * documented code: a frozen server, a lock held on a table, a value PostgreSQL refuses — and what
 * is an internal error is logged with its stack and request id.
 */

let testDb: TestDatabase<ResidentsTables>;
let proxy: FreezableProxy;
let serving: Database<ResidentsTables>;
let server: RunningHttpServer;
let log: CapturedLog;
const origin = () => new URL(server.url).origin;
const CITIZENS = '{ citizens(first: 1) { edges { node { fullName } } } }';
const AT_CITIZENS = { locations: [{ line: 1, column: 3 }], path: ['citizens'] };
const UNAVAILABLE = { message: 'The database behind this field did not answer in time.', ...AT_CITIZENS, extensions: { code: 'SUBGRAPH_UNAVAILABLE' } };
const status = async (path: string) => (await fetch(`${origin()}${path}`)).status;

/** A second session on the same database, as an operator's psql would be. */
async function session(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: testDb.db.url });
  await client.connect();
  return client;
}

beforeAll(async () => {
  testDb = await createTestDatabase(residentsSubgraph);
  await residentsSubgraph.seed(testDb.db, testSeed(200));
  const serverUrl = new URL(testServerUrl());
  proxy = await startFreezableProxy(serverUrl.hostname, Number(serverUrl.port));
  const throughProxy = new URL(testDb.db.url);
  throughProxy.port = String(proxy.port);
  serving = openDatabase({ url: throughProxy.href, poolSize: 2, timeouts: { statementMs: 300, acquireMs: 300 } });
  log = captureLog('residents');
  server = await startSubgraph(residentsSubgraph, { db: serving, port: 0, verifyKey: TEST_KEYS.publicKey, logger: log.logger });
  registerSubgraphUrl(server.url, 'residents');
});

afterAll(async () => {
  forgetSubgraphUrl(server.url);
  await server.close();
  await serving.close();
  await proxy.close();
  await testDb.drop();
});

describe('A database that stops answering (frozen)', () => {
  afterEach(() => proxy.thaw());

  test('costs the fields it serves SUBGRAPH_UNAVAILABLE, turns /ready to 503 while /health stays 200, and recovers when it answers again', async () => {
    expect(await status('/ready')).toBe(200);
    proxy.freeze();
    const frozen = await postGraphQL(server.url, CITIZENS);
    expect(frozen.body).toEqual({ data: { citizens: null }, errors: [UNAVAILABLE] });
    expect(await status('/ready')).toBe(503);
    expect(await status('/health')).toBe(200);

    proxy.thaw();
    // The pool's connections that timed out are dropped; the next statement opens a new one.
    let answer = await postGraphQL<{ citizens: unknown }>(server.url, CITIZENS);
    while (answer.body.errors) answer = await postGraphQL(server.url, CITIZENS);
    expect(answer.body.data?.citizens).toEqual({ edges: [{ node: { fullName: expect.any(String) } }] });
    expect(await status('/ready')).toBe(200);
  });
});

describe('A database server that goes away (a crash, a restart)', () => {
  test('does not take the subgraph down: the statements in flight fail SUBGRAPH_UNAVAILABLE, and the next ones reconnect', async () => {
    proxy.freeze();
    const inFlight = Promise.all([1, 2].map(() => postGraphQL(server.url, CITIZENS)));
    // Both pool connections are checked out, each waiting for its statement, when the server's end of them is cut.
    while (serving.pool.idleCount > 0 || serving.pool.totalCount < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    proxy.cut();
    for (const { body } of await inFlight) expect(body).toEqual({ data: { citizens: null }, errors: [UNAVAILABLE] });
    proxy.thaw();
    expect((await postGraphQL(server.url, CITIZENS)).body.errors).toBeUndefined();
  });
});

describe('A lock held on a table', () => {
  test('fails the statement after its lock timeout with SUBGRAPH_UNAVAILABLE, not an internal error', async () => {
    const operator = await session();
    try {
      await operator.query('BEGIN');
      await operator.query('LOCK TABLE citizens IN ACCESS EXCLUSIVE MODE');
      expect((await postGraphQL(server.url, CITIZENS)).body).toEqual({ data: { citizens: null }, errors: [UNAVAILABLE] });
    } finally {
      await operator.query('ROLLBACK');
      await operator.end();
    }
    expect((await postGraphQL(server.url, CITIZENS)).body.errors).toBeUndefined();
  });
});

describe('A value PostgreSQL refuses', () => {
  test('a NUL character in a string sent straight to a subgraph is BAD_USER_INPUT', async () => {
    const { body } = await postGraphQL(server.url, '{ citizens(first: 1, filter: { namePrefix: "Ng\\u0000" }) { edges { cursor } } }');
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(body)).not.toMatch(/0x00|invalid byte|SELECT|citizens_/);
  });
});

describe('An internal error', () => {
  test('reaches the client masked, and is logged with its stack, path and request id', async () => {
    const operator = await session();
    try {
      await operator.query('ALTER TABLE citizens RENAME TO citizens_away');
      const signed = await postGraphQL(server.url, CITIZENS, {}, { 'x-request-id': 'masked-error-42' });
      expect(signed.body).toEqual({ data: { citizens: null }, errors: [{ message: 'Internal server error.', ...AT_CITIZENS, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    } finally {
      await operator.query('ALTER TABLE citizens_away RENAME TO citizens');
      await operator.end();
    }
    const logged = log.lines().find((line) => line.requestId === 'masked-error-42' && line.level === 50);
    expect(logged).toMatchObject({ msg: 'internal error (the client saw INTERNAL_SERVER_ERROR)', path: ['citizens'] });
    expect((logged!.err as { stack: string }).stack).toMatch(/relation "citizens" does not exist/);
  });
});
