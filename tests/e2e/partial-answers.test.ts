import type { GraphQLResponse } from '../support/graphql-client';
import { startTestGraph, type TestGraph } from '../support/test-graph';

/*
 * A refused or failed field costs only itself: the rest of the citizen, the rest of the list and
 * the rest of the operation still come, and each error names the path of the field it nulled.
 */

let graph: TestGraph;
let personalId: string;
let provinceCode: string;
let dossierCodes: string[];
const sql = async (subgraph: string, text: string, values: unknown[] = []) => (await graph.subgraphs[subgraph]!.db.pool.query(text, values)).rows;

type Body = GraphQLResponse['body'];
const pathsOf = (body: Body, code: string) => (body.errors ?? []).filter((e) => e.extensions?.code === code).map((e) => e.path);
const pathless = (body: Body) => (body.errors ?? []).filter((e) => e.path === undefined);

beforeAll(async () => {
  graph = await startTestGraph();
  const servants = new Set((await sql('civil-servants', 'SELECT personal_id FROM civil_servants')).map((r) => r.personal_id as string));
  const payers = (await sql('payments', "SELECT DISTINCT payer_id FROM payments WHERE status = 'PAID' ORDER BY payer_id")).map((r) => r.payer_id as string);
  personalId = payers.find((id) => servants.has(id))!;
  [{ province_code: provinceCode }] = (await sql('residents', 'SELECT province_code FROM citizens WHERE personal_id = $1', [personalId])) as [{ province_code: string }];
  dossierCodes = (await sql('public-services', 'SELECT code FROM dossiers WHERE applicant_id = $1 ORDER BY submitted_at DESC, code', [personalId])).map((r) => r.code as string);
});
afterAll(() => graph.stop());

const PROFILE = `query Profile($id: PersonalId!) {
  citizen(personalId: $id) {
    fullName household { id } civilServant { position }
    dossiers(first: 100) { code status feeStatus payments { status } }
    payments { amount }
  }
}`;

describe('A field the caller may not read', () => {
  it('nulls itself alone: an officer asking for fullName, phone and ethnicity gets the name', async () => {
    const officer = await graph.token({ role: 'province-officer', province: provinceCode, purpose: 'Giải quyết hồ sơ' });
    const [resident] = await sql('residents', 'SELECT full_name FROM citizens WHERE personal_id = $1', [personalId]);
    const { body } = await graph.query(`{ citizen(personalId: "${personalId}") { fullName phone ethnicity } }`, {}, officer);
    expect(body.data).toEqual({ citizen: { fullName: resident!.full_name, phone: null, ethnicity: null } });
    expect(pathsOf(body, 'UNAUTHORIZED_FIELD_OR_TYPE')).toEqual([
      ['citizen', 'phone'],
      ['citizen', 'ethnicity'],
    ]);
  });
});

describe('After the payments subgraph stops', () => {
  beforeAll(async () => {
    expect(dossierCodes.length).toBeGreaterThan(0);
    await graph.subgraphs.payments!.server.close();
  });

  it('a citizen profile still answers everything the other subgraphs hold, with SUBGRAPH_UNAVAILABLE at each field payments would have filled', async () => {
    const { body } = await graph.query<{ citizen: Record<string, unknown> & { dossiers: Record<string, unknown>[] } }>(PROFILE, { id: personalId });
    const citizen = body.data!.citizen;
    expect(citizen.fullName).toEqual(expect.any(String));
    expect(citizen.household).toEqual({ id: expect.stringMatching(/^HK/) });
    expect(citizen.civilServant).toEqual({ position: expect.any(String) });
    expect(citizen.payments).toBeNull();
    expect(citizen.dossiers.map((d) => d.code)).toEqual(dossierCodes);
    expect(citizen.dossiers.every((d) => typeof d.status === 'string' && d.feeStatus === null && d.payments === null)).toBe(true);

    const perDossier = dossierCodes.flatMap((_code, i) => [
      ['citizen', 'dossiers', i, 'feeStatus'],
      ['citizen', 'dossiers', i, 'payments'],
    ]);
    expect(new Set(pathsOf(body, 'SUBGRAPH_UNAVAILABLE').map((path) => JSON.stringify(path)))).toEqual(
      new Set([['citizen', 'payments'], ...perDossier].map((path) => JSON.stringify(path))),
    );
    expect(body.errors!.every((e) => e.message === 'The payments subgraph is unavailable.')).toBe(true);
    expect(pathless(body)).toEqual([]);
  });

  it('a list of citizens keeps every citizen, and a province dashboard every other indicator', async () => {
    const list = await graph.query<{ citizens: { edges: { node: Record<string, unknown> }[] } }>('{ citizens(first: 3) { edges { node { fullName payments { id } } } } }');
    expect(list.body.data!.citizens.edges.map((e) => e.node)).toEqual([0, 1, 2].map(() => ({ fullName: expect.any(String), payments: null })));
    expect(pathsOf(list.body, 'SUBGRAPH_UNAVAILABLE')).toEqual([0, 1, 2].map((i) => ['citizens', 'edges', i, 'node', 'payments']));

    const dashboard = await graph.query('{ province(code: "46") { name population { total } staffing { agencies } paymentStatistics { transactions } } }');
    expect(dashboard.body).toEqual({
      data: { province: { name: 'Huế', population: { total: expect.any(Number) }, staffing: { agencies: expect.any(Number) }, paymentStatistics: null } },
      errors: [{ message: 'The payments subgraph is unavailable.', path: ['province', 'paymentStatistics'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
    });
  });

  it('a query of payments alone answers its field null, with the path', async () => {
    const { body } = await graph.query('{ payments(first: 1) { edges { cursor } } procedures { code } }');
    expect(body.data).toEqual({ payments: null, procedures: expect.arrayContaining([{ code: 'DVC02' }]) });
    expect(pathsOf(body, 'SUBGRAPH_UNAVAILABLE')).toEqual([['payments']]);
  });
});
