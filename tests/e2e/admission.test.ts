import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { manifestOf, trustedOperations } from '../../gateway/documents/manifest';
import { DOSSIERS, SEEDED } from '../support/seeded-payments';
import { startTestGraph, type TestGraph } from '../support/test-graph';

/**
 * Admission and the look-ups a mutation makes: a subgraph that checks a reference asks the
 * gateway under the delegation grant of a mutation the caller already sent. That look-up is
 * LiênThông's own document, not the client's, and part of a request already charged.
 */
const FILE = 'mutation File($input: SubmitDossierInput!) { submitDossier(input: $input) { code status } }';
const folder = mkdtempSync(path.join(tmpdir(), 'lienthong-admission-'));
const manifest = path.join(folder, 'trusted-documents.json');
writeFileSync(manifest, JSON.stringify(manifestOf(trustedOperations(FILE))));

let graph: TestGraph;
beforeAll(async () => {
  // A citizen's budget scaled to three requests a window; trusted documents enforced, the manifest holding FILE alone.
  graph = await startTestGraph(SEEDED.scale, { gateway: { admission: { trustedDocuments: 'enforce', trustedDocumentsManifest: manifest, budgetMultiplier: 0.025 } } });
});
afterAll(async () => {
  await graph.stop();
  rmSync(folder, { recursive: true, force: true });
});

const APPLICANT = DOSSIERS.find((d) => d.provinceCode === '46')!.applicantId;
const input = { procedureCode: 'DVC02', applicantId: APPLICANT, provinceCode: '46', channel: 'ONLINE' };

describe('Admission of the look-ups a mutation makes', () => {
  test('a citizen app may file through a trusted mutation, whose applicant look-up is in no manifest; each filing costs one request', async () => {
    const token = await graph.token({ role: 'citizen', subject: APPLICANT, purpose: 'Nộp hồ sơ' });
    const filings = [];
    for (let i = 0; i < 3; i += 1) filings.push(await graph.query<{ submitDossier: { status: string } }>(FILE, { input }, token));
    expect(filings.map(({ status, body }) => [status, body.errors, body.data?.submitDossier?.status])).toEqual([
      [200, undefined, 'NEW'],
      [200, undefined, 'NEW'],
      [200, undefined, 'NEW'],
    ]);
    const fourth = await graph.query(FILE, { input }, token);
    expect([fourth.status, fourth.body.errors?.[0]?.extensions?.code]).toEqual([429, 'RATE_LIMITED']);
  });

  test('the same citizen app sending a document outside the manifest is refused', async () => {
    const token = await graph.token({ role: 'citizen', subject: DOSSIERS.find((d) => d.provinceCode === '01')!.applicantId, purpose: 'Xem hồ sơ' });
    const { status, body } = await graph.query('{ procedures { code } }', {}, token);
    expect([status, body.errors?.[0]?.extensions?.code]).toEqual([403, 'DOCUMENT_NOT_TRUSTED']);
  });
});
