import { DOSSIERS, SEEDED } from '../support/seeded-payments';
import { startTestGraph, type TestGraph } from '../support/test-graph';

/**
 * The aggregate cache on the real graph: a province's indicators asked again come from the
 * cache, byte for byte what was made, without a statement in any database; a dossier filed
 * through the gateway is counted at once.
 */
let graph: TestGraph;
let analyst: string;
beforeAll(async () => {
  graph = await startTestGraph(SEEDED.scale);
  analyst = await graph.token({ role: 'province-analyst', province: '46' });
});
afterAll(() => graph.stop());

const DASHBOARD = `query Dashboard($from: Date!, $to: Date!) {
  province(code: "46") {
    population { total }
    staffing { civilServants }
    dossierStatistics(from: $from, to: $to) { received online }
    paymentStatistics(from: $from, to: $to) { transactions }
  }
}`;
const THIS_YEAR = { from: '2026-01-01', to: '2026-12-31' };
const LAST_YEAR = { from: '2025-01-01', to: '2025-12-31' };

const received = (body: { data?: unknown }) => (body.data as { province: { dossierStatistics: { received: number } } }).province.dossierStatistics.received;

async function dashboard(period: Record<string, string>) {
  const before = graph.statementCounts();
  const response = await fetch(graph.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` }, body: JSON.stringify({ query: DASHBOARD, variables: period }) });
  const after = graph.statementCounts();
  return { text: await response.text(), statements: Object.keys(after).reduce((sum, name) => sum + after[name]! - before[name]!, 0) };
}

describe('The aggregate cache on the real graph', () => {
  test('a dashboard asked again is the same bytes, made without a statement in any database', async () => {
    const made = await dashboard(THIS_YEAR);
    const kept = await dashboard(THIS_YEAR);
    expect(made.statements).toBeGreaterThan(0);
    expect(kept).toEqual({ text: made.text, statements: 0 });
    expect(JSON.parse(kept.text).errors).toBeUndefined();
  });

  test('another period is another answer', async () => {
    await dashboard(THIS_YEAR);
    expect((await dashboard(LAST_YEAR)).statements).toBeGreaterThan(0);
  });

  test('a dossier filed through the gateway is counted at the next asking', async () => {
    const before = received(JSON.parse((await dashboard(THIS_YEAR)).text));
    const officer = await graph.token({ role: 'province-officer', province: '46', purpose: 'Nộp hồ sơ' });
    const applicant = DOSSIERS.find((d) => d.provinceCode === '46')!.applicantId;
    const filed = await graph.query(`mutation { submitDossier(input: { procedureCode: "DVC02", applicantId: "${applicant}", provinceCode: "46", channel: ONLINE }) { code } }`, {}, officer);
    expect(filed.body.errors).toBeUndefined();
    const after = await dashboard(THIS_YEAR);
    expect(after.statements).toBeGreaterThan(0);
    expect(received(JSON.parse(after.text))).toBe(before + 1);
  });
});
