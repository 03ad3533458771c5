import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CheckpointPublisher } from '../../gateway/audit/checkpoint-publisher';
import { createPostgresAuditWriter, type PostgresAuditWriter } from '../../gateway/audit/postgres-audit-writer';
import { gatewayIdentity } from '../../gateway/identity/gateway-identity';
import { startGateway, type RunningGateway } from '../../gateway/start-gateway';
import { readCheckpoints } from '../../lib/audit';
import { DEFAULT_AUDIENCE, DEV_ISSUER, issueDevToken, RedisReplayGuard, SCOPES, type Role } from '../../lib/auth';
import { databaseUrl, openDatabase, type Database } from '../../lib/db';
import type { RunningHttpServer } from '../../lib/http';
import { createLogger } from '../../lib/logging';
import { startSubgraph } from '../../lib/subgraph';
import { composeSupergraph } from '../../schema/compose-supergraph';
import { SUBGRAPHS } from '../../subgraphs';
import type { Tables as AuditTables } from '../../subgraphs/audit/data/tables';
import { verifyAuditChain } from '../../subgraphs/audit/data/verify-chain';
import { residentsSubgraph } from '../../subgraphs/residents';
import type { ResidentsTables } from '../../subgraphs/residents/data/tables';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../support/test-database';
import { TEST_KEYS } from '../support/test-identity';
import { describeWithRedis } from '../support/test-redis';
import { startTestSubgraph, testSeed, type TestSubgraph } from '../support/test-subgraph';

/*
 * LiênThông scaled out on one machine: two gateways and two replicas of the residents subgraph,
 * one Redis and one PostgreSQL. Gateway A calls residents replica 1 (through a proxy that keeps a
 * copy of each call, as anyone on that network could), gateway B replica 2; clients alternate
 * between the gateways, and so between the replicas. The other subgraphs run once and check their
 * references through gateway B, whichever gateway forwarded the mutation.
 */

const SCALE = 300;
/** A citizen may make 6 requests a window at this multiplier (120 × 0.05); an auditor 30. */
const BUDGET_MULTIPLIER = 0.05;

describeWithRedis('Two gateways and two replicas of a subgraph on one Redis and one PostgreSQL', (redis) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lienthong-replicas-'));
  const checkpointDir = path.join(dataDir, 'audit-checkpoints');
  const identity = { ...gatewayIdentity({ mode: 'development', issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, dataDir }), signingKey: TEST_KEYS.privateKey };
  let residentsDb: TestDatabase<ResidentsTables>;
  let secondPool: Database<ResidentsTables>;
  let replicas: RunningHttpServer[];
  let others: TestSubgraph<unknown>[];
  let proxy: RecordingProxy;
  let writers: PostgresAuditWriter[];
  let gateways: RunningGateway[];
  const auditDb = () => others.find((s) => s.name === 'audit')!.db as Database<AuditTables>;

  beforeAll(async () => {
    residentsDb = await createTestDatabase(residentsSubgraph);
    await residentsSubgraph.seed(residentsDb.db, testSeed(SCALE));
    secondPool = openDatabase<ResidentsTables>({ url: databaseUrl(testServerUrl(), residentsDb.db.name), poolSize: 2 });
    const replica = async (db: Database<ResidentsTables>) =>
      startSubgraph(residentsSubgraph, { db, port: 0, verifyKey: TEST_KEYS.publicKey, replayGuard: new RedisReplayGuard(await redis.connect(), 'residents'), logger: createLogger('residents') });
    replicas = [await replica(residentsDb.db), await replica(secondPool)];
    others = await Promise.all(SUBGRAPHS.filter(({ name }) => name !== 'residents').map((definition) => startTestSubgraph(definition, testSeed(SCALE), () => gateways[1]!.url)));
    proxy = await startRecordingProxy(replicas[0]!.url);
    const { supergraphSdl } = await composeSupergraph(SUBGRAPHS);
    const shared = Object.fromEntries(others.map(({ name, url }) => [name, url]));
    const auditUrl = databaseUrl(testServerUrl(), auditDb().name);
    writers = [0, 1].map(() =>
      createPostgresAuditWriter({
        url: auditUrl,
        signingKey: identity.auditSigningKey,
        checkpoints: new CheckpointPublisher({ dir: checkpointDir, intervalMs: 3_600_000, signingKey: identity.auditSigningKey, logger: createLogger('gateway') }),
      }),
    );
    gateways = await Promise.all(
      [proxy.url, replicas[1]!.url].map(async (residentsUrl, i) =>
        startGateway({
          supergraphSdl,
          subgraphUrls: { ...shared, residents: residentsUrl },
          port: 0,
          identity,
          audit: writers[i]!,
          redis: await redis.connect(),
          admission: { budgetMultiplier: BUDGET_MULTIPLIER },
        }),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all((gateways ?? []).map((gateway) => gateway.close()));
    await Promise.all((writers ?? []).splice(0).map((writer) => writer.close()));
    await proxy?.close();
    await Promise.all((replicas ?? []).map((replica) => replica.close()));
    await secondPool?.close();
    await Promise.all((others ?? []).map((subgraph) => subgraph.stop()));
    await residentsDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let subjects = 0;
  /** A new caller for each test, so that each starts with a whole budget. */
  const tokenFor = (role: Role, subject = `replica-test-${(subjects += 1)}`) =>
    issueDevToken({ dataDir, role, subject, scopes: Object.keys(SCOPES), purpose: 'replica test', ttlSeconds: 600 });
  const ask = async <T>(gateway: RunningGateway, token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> =>
    postGraphQL<T>(gateway.url, query, variables, { authorization: `Bearer ${token}` });

  const PROFILE = 'query ($id: PersonalId!) { citizen(personalId: $id) { personalId fullName province { code } household { members { fullName } } } }';

  test('answers the same question identically through either gateway, and so either replica', async () => {
    const token = await tokenFor('auditor');
    const page = await ask<{ citizens: { edges: { node: { personalId: string } }[] } }>(gateways[0]!, token, '{ citizens(first: 4) { edges { node { personalId } } } }');
    for (const { node } of page.body.data!.citizens.edges) {
      const [a, b] = await Promise.all(gateways.map((gateway) => ask(gateway, token, PROFILE, { id: node.personalId })));
      expect(a!.body.errors).toBeUndefined();
      expect(b).toEqual(a);
    }
  });

  test('spends one budget: a citizen\'s requests alternating between the gateways are refused after the sixth, by either', async () => {
    const first = await ask<{ citizens: { edges: { node: { personalId: string } }[] } }>(gateways[0]!, await tokenFor('auditor'), '{ citizens(first: 1) { edges { node { personalId } } } }');
    const citizen = first.body.data!.citizens.edges[0]!.node.personalId;
    const token = await tokenFor('citizen', citizen);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await ask(gateways[i % 2]!, token, PROFILE, { id: citizen })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    for (const gateway of gateways) {
      const refused = await ask(gateway, token, PROFILE, { id: citizen });
      expect({ status: refused.status, code: refused.body.errors?.[0]?.extensions?.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    }
  });

  test('refuses a call gateway A signed for replica 1 when it is replayed to replica 2, or to replica 1', async () => {
    const call = proxy.recorded.find(({ body }) => body.includes('citizens'));
    expect(call).toBeDefined();
    for (const replica of replicas) {
      const replayed = await fetch(replica.url, { method: 'POST', headers: call!.headers, body: call!.body });
      expect({ status: replayed.status, body: await replayed.json() }).toEqual({
        status: 401,
        body: { errors: [{ message: 'Not authenticated: the signed request was replayed.', extensions: { code: 'UNAUTHENTICATED' } }] },
      });
    }
  });

  test('honours through gateway B the delegation grant gateway A gave with a mutation: the reference is checked as the caller and the dossier filed', async () => {
    const token = await tokenFor('auditor');
    const page = await ask<{ citizens: { edges: { node: { personalId: string; province: { code: string } } }[] } }>(gateways[1]!, token, '{ citizens(first: 1) { edges { node { personalId province { code } } } } }');
    const { personalId, province } = page.body.data!.citizens.edges[0]!.node;
    const submitted = await ask<{ submitDossier: { code: string; status: string } }>(
      gateways[0]!,
      token,
      'mutation ($id: PersonalId!, $province: ProvinceCode!) { submitDossier(input: { procedureCode: "DVC02", applicantId: $id, provinceCode: $province, channel: ONLINE }) { code status } }',
      { id: personalId, province: province.code },
    );
    expect(submitted.body).toEqual({ data: { submitDossier: { code: expect.any(String), status: 'NEW' } } });
    // The intent and outcome from gateway A, the look-up between them from gateway B: two signers, one request.
    const { rows } = await auditDb().pool.query<{ kind: string; signer: string; operation_name: string | null }>(
      `SELECT kind, signer, operation_name FROM audit_log WHERE request_id = (SELECT request_id FROM audit_log WHERE kind = 'intent' ORDER BY seq DESC LIMIT 1) ORDER BY seq`,
    );
    expect(rows.map(({ kind, operation_name }) => [kind, operation_name])).toEqual([
      ['intent', null],
      ['read', 'SubmissionApplicant'],
      ['outcome', null],
    ]);
    expect(new Set(rows.map(({ signer }) => signer)).size).toBe(2);
  });

  test('keeps the audit chain intact while both gateways append at once: every batch signed, every checkpoint held', async () => {
    const token = await tokenFor('auditor');
    const page = await ask<{ citizens: { edges: { node: { personalId: string } }[] } }>(gateways[0]!, token, '{ citizens(first: 10) { edges { node { personalId } } } }');
    const ids = page.body.data!.citizens.edges.map(({ node }) => node.personalId);
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => ask(gateways[i % 2]!, token, PROFILE, { id: ids[i % ids.length] })));
    expect(answers.map(({ status }) => status)).toEqual(answers.map(() => 200));
    // Closing a writer publishes its gateway's last checkpoint, as a gateway does when it stops.
    await Promise.all(writers.splice(0).map((writer) => writer.close()));
    const verdict = await verifyAuditChain(auditDb(), { publicKey: createPublicKey(identity.auditSigningKey), checkpoints: await readCheckpoints(checkpointDir) });
    // Each gateway wrote its last checkpoint when its writer closed; the newest attests the last record.
    expect(verdict).toEqual({ intact: true, records: expect.any(Number), unsigned: 0, checkpoints: 2, newestCheckpoint: (verdict as { records: number }).records });
  });
});
