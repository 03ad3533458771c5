import { collectDataHealth, markdownReport, type DataHealthReport, type ReportedHealth } from '../../bin/data-health-report';
import { PROVINCE_DATA_HEALTH } from '../../gateway/pages/operations';
import { PROVINCES } from '../../lib/domain';
import { FAULTS } from '../../lib/synthetic';
import { expectedDataHealth, plantedFaults, seededRows } from '../support/data-health-oracle';
import { startTestGraph, type TestGraph } from '../support/test-graph';
import { testSeed } from '../support/test-subgraph';

/*
 * `npm run data-health` finds exactly the faults the seed planted: the report, built from
 * Province.dataHealth through the gateway as the data steward's service identity, equals the
 * figures restated from the seeded rows, and its totals equal the planted faults one by one.
 */

// Seeded as of now: staleness is measured against the present, as it is in production.
const SEED = testSeed(2_000, { asOf: new Date(), faultRate: 0.06 });
const rows = seededRows(SEED);
const planted = plantedFaults(rows);

let graph: TestGraph;
let report: DataHealthReport;

beforeAll(async () => {
  graph = await startTestGraph(SEED.scale, SEED);
  report = await collectDataHealth({ gatewayUrl: graph.url, token: await graph.token({ role: 'data-steward' }) });
});
afterAll(() => graph.stop());

/** One database's figures added over every province of the report. */
function national(database: string) {
  const all = report.provinces.flatMap((p) => p.databases).filter((d) => d.database === database);
  const sum = (pick: (d: ReportedHealth) => number) => all.reduce((n, d) => n + pick(d), 0);
  const reference = (name: string, kind: 'malformed' | 'dangling') => sum((d) => d.references.find((r) => r.reference === name)![kind]);
  const empty = (field: string) => sum((d) => d.fields.find((f) => f.field === field)!.empty);
  return { sum, reference, empty };
}

describe('npm run data-health', () => {
  test('plants some of every fault in the seed, so that finding them means something', () => {
    expect(Object.values(planted).every((count) => count > 0)).toBe(true);
  });

  test('checks every province, and each database reports exactly what its seeded rows hold', () => {
    const expected = expectedDataHealth(rows, new Date());
    expect(report.provinces.map((p) => [p.code, p.errors])).toEqual(PROVINCES.map((p) => [p.code, []]));
    for (const province of report.provinces) expect(province.databases).toEqual(expected.get(province.code));
  });

  test('finds exactly the planted faults, fault by fault, and nothing else', () => {
    const residents = national('residents');
    const servants = national('civil-servants');
    const portal = national('public-services');
    const payments = national('payments');
    expect({
      [FAULTS.danglingFather]: residents.reference('Citizen.father', 'dangling'),
      [FAULTS.malformedMother]: residents.reference('Citizen.mother', 'malformed'),
      [FAULTS.blankAddress]: residents.empty('Citizen.address'),
      [FAULTS.staleCitizen]: residents.sum((d) => d.staleRecords),
      [FAULTS.blankPosition]: servants.empty('CivilServant.position'),
      [FAULTS.staleServant]: servants.sum((d) => d.staleRecords),
      [FAULTS.danglingApplicant]: residents.reference('Dossier.applicant', 'dangling'),
      [FAULTS.malformedApplicant]: residents.reference('Dossier.applicant', 'malformed'),
      [FAULTS.danglingHandler]: servants.reference('Dossier.handler', 'dangling'),
      [FAULTS.missingCommune]: portal.empty('Dossier.communeCode'),
      [FAULTS.stuckDossier]: portal.sum((d) => d.staleRecords),
      [FAULTS.danglingPayer]: residents.reference('Payment.payer', 'dangling'),
      [FAULTS.malformedPayer]: residents.reference('Payment.payer', 'malformed'),
      [FAULTS.danglingDossier]: portal.reference('Payment.dossier', 'dangling'),
      [FAULTS.blankIntermediary]: payments.empty('Payment.intermediary'),
    }).toEqual(planted);
    // The malformed IDs, counted again by the databases that hold them; nothing else is wrong.
    expect([residents, servants, portal, payments].map((d) => d.sum((h) => h.invalidIds))).toEqual([
      planted[FAULTS.malformedMother],
      0,
      planted[FAULTS.malformedApplicant],
      planted[FAULTS.malformedPayer],
    ]);
    const untouched = [
      residents.reference('Citizen.father', 'malformed'),
      residents.reference('Citizen.mother', 'dangling'),
      residents.reference('Citizen.spouse', 'dangling') + residents.reference('Citizen.spouse', 'malformed'),
      residents.reference('CivilServant.personalId', 'dangling') + residents.reference('CivilServant.personalId', 'malformed'),
      servants.reference('CivilServant.agency', 'dangling'),
      payments.sum((d) => d.staleRecords),
      residents.empty('Citizen.fullName') + residents.empty('Citizen.ethnicity') + servants.empty('CivilServant.rank'),
    ];
    expect(untouched).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  test('writes a Markdown report with the national figures and every province that has a problem', () => {
    const markdown = markdownReport(report);
    expect(markdown).toContain('| residents | 2,000 |');
    expect(markdown).toContain(`| Dossier.applicant | public-services | residents | ${rows.dossiers.length.toLocaleString('en-US')} | ${planted[FAULTS.malformedApplicant]} | ${planted[FAULTS.danglingApplicant]} |`);
    // Counts only: no personal ID leaves the gateway, in the report or its JSON.
    expect(markdown).not.toMatch(/\d{12}/);
    expect(JSON.stringify(report)).not.toMatch(/\d{12}/);
    expect(markdown).not.toContain('## Not checked');
  });
});

describe('Province.dataHealth: who may read it', () => {
  const ask = async (token: string, code: string) => graph.query(PROVINCE_DATA_HEALTH, { code }, token);

  test('a province analyst reads their own province, and another province is null with FORBIDDEN', async () => {
    const analyst = await graph.token({ role: 'province-analyst', province: '46' });
    expect((await ask(analyst, '46')).body.errors).toBeUndefined();
    const other = await ask(analyst, '01');
    expect(other.body.data).toEqual({ province: { code: '01', name: 'Hà Nội', dataHealth: null } });
    expect(other.body.errors).toEqual([expect.objectContaining({ path: ['province', 'dataHealth'], extensions: { code: 'FORBIDDEN' } })]);
  });

  test('a citizen, whose jurisdiction is themself, reads no province\'s', async () => {
    const citizen = await graph.token({ role: 'citizen', subject: rows.citizens[0]!.personalId, scopes: ['data-health:aggregate'] });
    const answer = await ask(citizen, '46');
    expect(answer.body.data).toEqual({ province: { code: '46', name: 'Huế', dataHealth: null } });
  });

  test('a role without the scope is refused the field before any subgraph is asked', async () => {
    const officer = await graph.token({ role: 'payments-officer', province: '46' });
    const answer = await ask(officer, '46');
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: ['province', 'dataHealth'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } })]);
  });

  test('the references the databases exchange are in no client\'s schema', async () => {
    const steward = await graph.token({ role: 'data-steward' });
    const answer = await graph.query('{ province(code: "46") { dataHealth { provinceCode dossierApplicantIds } } }', {}, steward);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
