import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gatewayIdentity } from '../../../gateway/identity/gateway-identity';
import { startGateway, type RunningGateway } from '../../../gateway/start-gateway';
import { DEFAULT_AUDIENCE, DEV_ISSUER, issueDevToken, RedisReplayGuard } from '../../../lib/auth';
import type { RunningHttpServer } from '../../../lib/http';
import { createLogger } from '../../../lib/logging';
import { closeRedis, connectRedis } from '../../../lib/redis';
import { startSubgraph } from '../../../lib/subgraph';
import { composeSupergraph } from '../../../schema/compose-supergraph';
import { SUBGRAPHS } from '../../../subgraphs';
import { residentsSubgraph } from '../../../subgraphs/residents';
import type { ResidentsTables } from '../../../subgraphs/residents/data/tables';
import { freePort } from '../../support/free-port';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { TEST_KEYS } from '../../support/test-identity';
import { testSeed } from '../../support/test-subgraph';
import { RecordingAuditWriter } from './fixtures/recording-audit-writer';
import { postJson, request } from './http-client';

/** The residents subgraph behind a real gateway, its nonce store a Redis nobody answers at. */
describe('Gateway: a subgraph that cannot check nonces (its Redis is unreachable)', () => {
  const audit = new RecordingAuditWriter();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lienthong-outage-'));
  let database: TestDatabase<ResidentsTables>;
  let residents: RunningHttpServer;
  let gateway: RunningGateway;
  let closeClient: () => Promise<void>;

  beforeAll(async () => {
    database = await createTestDatabase(residentsSubgraph);
    await residentsSubgraph.seed(database.db, testSeed(200));
    const redis = await connectRedis({ url: `redis://127.0.0.1:${await freePort()}`, keyPrefix: 'unused:', connectTimeoutMs: 500, commandTimeoutMs: 500 }, createLogger('test-redis'));
    closeClient = () => closeRedis(redis);
    residents = await startSubgraph(residentsSubgraph, { db: database.db, port: 0, verifyKey: TEST_KEYS.publicKey, replayGuard: new RedisReplayGuard(redis, 'residents') });
    // The whole graph composes (residents checks references the others hold); only residents runs.
    const { supergraphSdl } = await composeSupergraph(SUBGRAPHS);
    const identity = gatewayIdentity({ mode: 'development', issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, dataDir });
    gateway = await startGateway({ supergraphSdl, subgraphUrls: { residents: residents.url }, port: 0, identity: { ...identity, signingKey: TEST_KEYS.privateKey }, audit });
  });

  afterAll(async () => {
    await gateway.close();
    await residents.close();
    await closeClient();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('answers its client SUBGRAPH_UNAVAILABLE, with no data and no citizen read', async () => {
    const token = await issueDevToken({ dataDir, role: 'auditor', scopes: ['residents:read'], purpose: 'Kiểm thử', ttlSeconds: 600 });
    const response = await postJson(gateway.url, { query: '{ citizens(first: 1) { edges { node { fullName } } } }' }, { authorization: `Bearer ${token}` });
    expect(response.json).toEqual({
      data: { citizens: null },
      errors: [{ message: 'The residents subgraph is unavailable: it cannot check signed requests for replays.', path: ['citizens'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
    });
    expect(audit.records.flatMap((record) => record.citizens)).toEqual([]);
  });

  test('is reported by the gateway\'s /ready', async () => {
    const ready = await request(new URL('/ready', gateway.url).href);
    expect(ready.status).toBe(503);
    expect(ready.json).toMatchObject({ status: 'unavailable', audit: 'ok', subgraphs: { residents: 'unavailable' } });
  });
});
