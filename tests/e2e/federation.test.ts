import type { GraphQLResponse } from '../support/graphql-client';
import { startTestGraph, type TestGraph } from '../support/test-graph';

let graph: TestGraph;
const query = <T = Record<string, unknown>>(source: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> =>
  graph.query<T>(source, variables);
const sql = async (subgraph: string, text: string, values: unknown[] = []) => (await graph.subgraphs[subgraph]!.db.pool.query(text, values)).rows;

beforeAll(async () => {
  graph = await startTestGraph(3_000);
});
afterAll(() => graph.stop());

describe('One query across the four national databases', () => {
  it('answers a citizen profile with data from residents, civil-servants, public-services and payments', async () => {
    const servants = new Set((await sql('civil-servants', 'SELECT personal_id FROM civil_servants')).map((r) => r.personal_id as string));
    const payers = (await sql('payments', "SELECT DISTINCT payer_id FROM payments WHERE status = 'PAID' ORDER BY payer_id")).map((r) => r.payer_id as string);
    const personalId = payers.find((id) => servants.has(id))!;
    expect(personalId).toBeDefined();

    const [person] = await sql('residents', 'SELECT full_name, household_id FROM citizens WHERE personal_id = $1', [personalId]);
    const [servant] = await sql('civil-servants', 'SELECT position, agency_code FROM civil_servants WHERE personal_id = $1', [personalId]);
    const dossiers = await sql('public-services', 'SELECT code FROM dossiers WHERE applicant_id = $1 ORDER BY submitted_at DESC, code', [personalId]);
    const payments = await sql('payments', 'SELECT id, dossier_code, amount, status FROM payments WHERE payer_id = $1', [personalId]);

    const { body } = await query<{ citizen: Record<string, unknown> }>(
      `query Profile($id: PersonalId!) {
        citizen(personalId: $id) {
          personalId fullName household { id }
          civilServant { position agency { code } }
          dossiers(first: 100) { code feeStatus payments { id amount status } }
        }
      }`,
      { id: personalId },
    );
    expect(body.errors).toBeUndefined();
    const paymentsOf = (code: string) =>
      payments.filter((p) => p.dossier_code === code).map((p) => ({ id: p.id, amount: Number(p.amount), status: p.status }));
    const citizen = body.data!.citizen as { dossiers: { code: string; feeStatus: string; payments: { id: string }[] }[] };
    expect({ ...citizen, dossiers: citizen.dossiers.map(({ feeStatus: _fee, ...d }) => ({ ...d, payments: [...d.payments].sort((a, b) => a.id.localeCompare(b.id)) })) }).toEqual({
      personalId,
      fullName: person!.full_name,
      household: { id: person!.household_id },
      civilServant: { position: servant!.position, agency: { code: servant!.agency_code } },
      dossiers: dossiers.map((d) => ({ code: d.code, payments: paymentsOf(d.code as string).sort((a, b) => String(a.id).localeCompare(String(b.id))) })),
    });
    expect(citizen.dossiers.some((d) => d.feeStatus === 'PAID')).toBe(true);
  });

  it('answers a province dashboard whose figures match each database counted on its own', async () => {
    const from = '2026-01-01';
    const to = '2026-10-31';
    const { body } = await query<{ province: Record<string, unknown> }>(
      `{ province(code: "01") {
          name
          population { total male female }
          staffing { civilServants agencies }
          dossierStatistics(from: "${from}", to: "${to}") { from to received online }
          paymentStatistics(from: "${from}", to: "${to}") { transactions amountPaid }
      } }`,
    );
    expect(body.errors).toBeUndefined();
    const bounds = [`${from}T00:00:00+07:00`, `${to}T24:00:00+07:00`];
    const [people] = await sql('residents', `SELECT count(*)::int AS total, count(*) FILTER (WHERE sex = 'MALE')::int AS male FROM citizens WHERE province_code = '01' AND death_date IS NULL`);
    const [staff] = await sql('civil-servants', `SELECT count(*)::int AS n FROM civil_servants WHERE province_code = '01'`);
    const [agencies] = await sql('civil-servants', `SELECT count(*)::int AS n FROM agencies WHERE province_code = '01'`);
    const [received] = await sql(
      'public-services',
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE channel = 'ONLINE')::int AS online FROM dossiers WHERE province_code = '01' AND submitted_at >= $1 AND submitted_at < $2`,
      bounds,
    );
    const [paid] = await sql(
      'payments',
      `SELECT count(*)::int AS n, coalesce(sum(amount), 0)::bigint AS amount FROM payments WHERE province_code = '01' AND status = 'PAID' AND paid_at >= $1 AND paid_at < $2`,
      bounds,
    );
    expect(body.data).toEqual({
      province: {
        name: 'Hà Nội',
        population: { total: people!.total, male: people!.male, female: people!.total - people!.male },
        staffing: { civilServants: staff!.n, agencies: agencies!.n },
        dossierStatistics: { from, to, received: received!.n, online: received!.online },
        paymentStatistics: { transactions: paid!.n, amountPaid: Number(paid!.amount) },
      },
    });
    expect(received!.n).toBeGreaterThan(0);
    expect(paid!.n).toBeGreaterThan(0);
  });
});

describe('Batching across the graph', () => {
  const PAGE = `query ($first: Int!) {
    dossiers(first: $first) { edges { node {
      code procedure { name fee }
      applicant { fullName household { id } civilServant { position } }
      handler { position agency { name } }
      feeStatus payments { amount status }
    } } }
  }`;

  const statementsFor = async (first: number) => {
    const before = graph.statementCounts();
    const { body } = await query(PAGE, { first });
    expect(body.errors).toBeUndefined();
    const after = graph.statementCounts();
    return Object.fromEntries(Object.keys(after).map((name) => [name, after[name]! - before[name]!]));
  };

  it('sends each database the same number of statements for 5 dossiers as for 50', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(fifty).toEqual(five);
    for (const count of Object.values(fifty)) expect(count).toBeLessThanOrEqual(4);
  });
});
