import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gatewayIdentity } from '../../../gateway/identity/gateway-identity';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../../gateway/start-gateway';
import { followSupergraphFile } from '../../../gateway/supergraph/supergraph-file';
import { supergraphId } from '../../../gateway/supergraph/supergraph-generation';
import { DEFAULT_AUDIENCE, DEV_ISSUER, issueDevToken } from '../../../lib/auth';
import { createLogger } from '../../../lib/logging';
import { HELD_CITIZEN, startForeignSubgraphs, type ForeignSubgraphs } from '../../support/foreign/foreign-subgraphs';
import { composeForeign } from '../../support/foreign/serve-foreign';
import { vaccinationsSdl } from '../../support/foreign/vaccinations';
import { RecordingAuditWriter } from './fixtures/recording-audit-writer';
import { postJson, request, type RawResponse } from './http-client';

const dataDir = mkdtempSync(path.join(tmpdir(), 'lienthong-reload-'));
const identity = gatewayIdentity({ mode: 'development', issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, dataDir });
let foreign: ForeignSubgraphs;
let gateway: RunningGateway;
let headers: Record<string, string>;

const PROFILE = `query Profile($id: ID!) { citizen(personalId: $id) { vaccinations { vaccine dose centre { name } } drivingLicence { class } } }`;
const ask = (id = '001090000001', gatewayUrl = gateway.url): Promise<RawResponse> => postJson(gatewayUrl, { query: PROFILE, variables: { id } }, headers);
const start = (options: Partial<GatewayOptions> = {}) =>
  startGateway({ supergraphSdl: foreign.supergraph(), port: 0, identity, audit: new RecordingAuditWriter(), admission: { budgetMultiplier: 1_000 }, ...options });

beforeAll(async () => {
  foreign = await startForeignSubgraphs(dataDir);
  gateway = await start();
  const token = await issueDevToken({ dataDir, role: 'auditor', scopes: ['residents:read'], purpose: 'reload test', ttlSeconds: 600 });
  headers = { authorization: `Bearer ${token}` };
});

afterAll(async () => {
  await gateway?.close();
  await foreign?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const measles = { vaccine: 'Sởi', dose: 1, centre: { name: 'Trung tâm Y tế Thuận Hóa' } };

describe('A gateway on a supergraph of subgraphs that are not LiênThông\'s', () => {
  test('routes to the URLs its join__graph gives and answers across both', async () => {
    const response = await ask('001090000001');
    expect(response.json).toEqual({
      data: { citizen: { vaccinations: [{ vaccine: 'Sởi', dose: 1, centre: { name: 'Trung tâm Y tế Ba Đình' } }, { vaccine: 'Viêm gan B', dose: 2, centre: { name: 'Trung tâm Y tế Ba Đình' } }], drivingLicence: { class: 'B2' } } },
    });
  });

  test('/ready names the register that checks signatures ok and the one that does not unsigned; in development it is still ready', async () => {
    const response = await request(new URL('/ready', gateway.url).href);
    expect({ status: response.status, body: response.json }).toEqual({ status: 200, body: { status: 'ok', audit: 'ok', subgraphs: { vaccinations: 'ok', licences: 'unsigned' } } });
  });

  test('a production gateway is not ready while a subgraph answers requests it did not sign', async () => {
    const strict = await start({ mode: 'production' });
    try {
      const response = await request(new URL('/ready', strict.url).href);
      expect({ status: response.status, body: response.json }).toEqual({ status: 503, body: { status: 'unavailable', audit: 'ok', subgraphs: { vaccinations: 'ok', licences: 'unsigned' } } });
    } finally {
      await strict.close();
    }
  });
});

describe('Reloading the supergraph', () => {
  test('switches rules, cost model, routing and plans together; a request in flight finishes on the supergraph it started on', async () => {
    // Held at its first subgraph: its licence is fetched only after the switch, and still from the old route.
    const before = gateway.supergraph;
    const inFlight = ask(HELD_CITIZEN);
    await foreign.gate.arrived;
    // The new supergraph: vaccinations now sensitive and costlier, licences served by the other register.
    const next = foreign.supergraph({ vaccinationsRule: '@requiresScopes(scopes: [["residents:sensitive"]]) @policy(policies: [["personal-data"]])', vaccinationsCost: 50, licencesUrl: foreign.otherLicences.url });
    expect(await gateway.reloadSupergraph(async () => next)).toEqual({ outcome: 'applied', id: supergraphId(next) });
    foreign.gate.open();

    const old = await inFlight;
    expect(old.json).toEqual({ data: { citizen: { vaccinations: [measles], drivingLicence: { class: 'B2' } } } });
    // @cost(weight: 5) on the old one: a citizen (1), ten assumed vaccinations of 5 with their centre (1 each), a licence (1).
    expect(old.headers.get('x-lienthong-cost')).toBe('estimated=62, actual=8, max=5000');

    const now = await ask(HELD_CITIZEN);
    expect(now.json).toEqual({
      data: { citizen: { vaccinations: null, drivingLicence: { class: 'C' } } },
      errors: [{ message: expect.stringContaining('Citizen.vaccinations'), path: ['citizen', 'vaccinations'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } }],
    });
    // Weight 50 now: the estimate follows the new model; nothing of the refused field is in the answer.
    expect(now.headers.get('x-lienthong-cost')).toBe('estimated=512, actual=2, max=5000');
    expect(gateway.supergraph).toEqual({ id: supergraphId(next), loadedAt: expect.any(Date), reloads: { applied: before.reloads.applied + 1, refused: 0 }, lastRefusal: null });
  });

  test('starts the access decisions afresh', async () => {
    await gateway.reloadSupergraph(async () => foreign.supergraph({ vaccinationsCost: 7 }));
    expect(gateway.accessDecisionWalks).toBe(0);
    await ask();
    await ask();
    expect(gateway.accessDecisionWalks).toBe(1);
  });

  test('the same supergraph again changes nothing', async () => {
    const served = gateway.supergraph;
    expect(await gateway.reloadSupergraph(async () => foreign.supergraph({ vaccinationsCost: 7 }))).toEqual({ outcome: 'unchanged', id: served.id });
    expect(gateway.supergraph).toEqual(served);
  });

  test.each([
    ['text that is not a supergraph', async () => 'type Query { hello: String }', /^Invalid supergraph: must be a core schema$/],
    ['a file that cannot be read', async () => Promise.reject(new Error('ENOENT: no such file')), /^ENOENT: no such file$/],
    [
      'a supergraph leaving a field without an access rule',
      async () => composeForeign([{ name: 'vaccinations', typeDefs: vaccinationsSdl().replace('vaccinationCentres: [VaccinationCentre!]! @authenticated', 'vaccinationCentres: [VaccinationCentre!]!'), url: foreign.vaccinations.url }]),
      /^The supergraph leaves 1 field without an access rule, which any valid token could read: Query\.vaccinationCentres\./,
    ],
  ])('%s is refused, logged and counted, and the supergraph served stays', async (_name, source, reason) => {
    const served = gateway.supergraph;
    const outcome = await gateway.reloadSupergraph(source);
    expect(outcome).toEqual({ outcome: 'refused', reason: expect.stringMatching(reason) });
    expect(gateway.supergraph).toEqual({ ...served, reloads: { ...served.reloads, refused: served.reloads.refused + 1 }, lastRefusal: (outcome as { reason: string }).reason });
    expect((await ask()).json.data.citizen.drivingLicence).toEqual({ class: 'B2' });
  });

  test('a supergraph without a subgraph the configuration gives a URL for is refused, naming its variable', async () => {
    const overridden = await start({ subgraphUrls: { licences: foreign.otherLicences.url } });
    try {
      const withoutLicences = composeForeign([{ name: 'vaccinations', typeDefs: vaccinationsSdl(), url: foreign.vaccinations.url }]);
      expect(await overridden.reloadSupergraph(async () => withoutLicences)).toEqual({
        outcome: 'refused',
        reason: 'SUBGRAPH_URL_LICENCES names a subgraph the supergraph does not route to (it has vaccinations).',
      });
      expect((await ask('001090000001', overridden.url)).json.data.citizen.drivingLicence).toEqual({ class: 'C' });
    } finally {
      await overridden.close();
    }
  });

  test('follows the supergraph file: a new one written there is served', async () => {
    const file = path.join(dataDir, 'supergraph.graphql');
    writeFileSync(file, foreign.supergraph({ vaccinationsCost: 7 }));
    const unfollow = followSupergraphFile({ file, watchMs: 20, reload: gateway.reloadSupergraph, logger: createLogger('gateway') });
    try {
      const next = foreign.supergraph({ vaccinationsCost: 11 });
      writeFileSync(file, next);
      // The file is polled: wait for the switch (the test's own time limit bounds it).
      while (gateway.supergraph.id !== supergraphId(next)) await new Promise((resolve) => setTimeout(resolve, 20));
      // Weight 11: two vaccinations of 11 with their centres, the citizen and the licence.
      expect((await ask()).headers.get('x-lienthong-cost')).toBe('estimated=122, actual=26, max=5000');
    } finally {
      unfollow();
    }
  });
});
