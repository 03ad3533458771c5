import { findHistories } from '../../../subgraphs/public-services/data/dossier-event.repository';
import type { PublicServicesTables } from '../../../subgraphs/public-services/data/tables';
import { postAs } from '../../support/graphql-client';
import { subgraphOf, useTestGraph } from '../../support/test-graph';
import { EVERYTHING_CALLER } from '../../support/test-identity';
import { accessed, citizenCaller, fieldError, officer, withoutKey } from '../../support/access-fixtures';
import { byCode, seededDossiers } from './fixtures';

// The whole graph: a submission checks its applicant through the gateway. Requests still go straight to the subgraph.
const subgraph = subgraphOf<PublicServicesTables>(useTestGraph(), 'public-services');
const seeded = seededDossiers();

const OFFICER_46 = officer('province-officer', '46');
const HUE = seeded.filter((d) => d.provinceCode === '46').sort(byCode);
/** A Hà Nội dossier a Huế officer must not see, though it exists and could move. */
const HANOI = seeded.find((d) => d.provinceCode === '01' && d.status === 'COMPLETED' && d.handlerId)!;
const MISSING = '01-DVC02-260101-000000';
const APPLICANT = seeded.find((d) => seeded.filter((o) => o.applicantId === d.applicantId).length > 1)!.applicantId;
const CITIZEN = citizenCaller(APPLICANT);
const OWN = seeded.filter((d) => d.applicantId === APPLICANT).sort(byCode);
const STRANGER = seeded.find((d) => d.applicantId !== APPLICANT)!;

const DOSSIER = 'query ($code: ID!) { dossier(code: $code) { code status history { action } } }';
const PAGE = 'query ($filter: DossierFilter) { dossiers(filter: $filter, first: 100) { edges { node { code } } pageInfo { hasNextPage } } }';
const TRANSITION = 'mutation ($code: ID!) { transitionDossier(code: $code, action: RETURN_RESULT) { status } }';
const SUBMIT = `mutation ($applicantId: PersonalId!, $provinceCode: ProvinceCode!) {
  submitDossier(input: { procedureCode: "DVC02", applicantId: $applicantId, provinceCode: $provinceCode, channel: ONLINE }) { applicant { personalId } province { code } history { actorId } }
}`;
const entities = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const references = (__typename: string, key: string, values: string[]) => ({ r: values.map((value) => ({ __typename, [key]: value })) });

const codes = (response: { body: { data?: unknown } }) => (response.body.data as { dossiers: { edges: { node: { code: string } }[] } }).dossiers.edges.map((e) => e.node.code);

/** How many dossiers and history entries the database holds, and Hà Nội's dossier as it stands. */
async function written() {
  const { rows } = await subgraph.db.pool.query(
    'SELECT (SELECT count(*) FROM dossiers) AS dossiers, (SELECT count(*) FROM dossier_events) AS events, (SELECT status FROM dossiers WHERE code = $1) AS hanoi',
    [HANOI.code],
  );
  return rows[0];
}

describe('public-services: a provincial officer sees their province\'s dossiers only', () => {
  test('reads a dossier of their province', async () => {
    const dossier = HUE[0]!;
    const response = await postAs(OFFICER_46, subgraph.url, DOSSIER, { code: dossier.code });
    expect(response.body).toEqual({
      data: { dossier: { code: dossier.code, status: dossier.status, history: dossier.history.map((h) => ({ action: h.action })) } },
      extensions: accessed(dossier.applicantId),
    });
  });

  test('gets another province\'s dossier exactly as a dossier that does not exist', async () => {
    const outside = await postAs(OFFICER_46, subgraph.url, DOSSIER, { code: HANOI.code });
    const missing = await postAs(OFFICER_46, subgraph.url, DOSSIER, { code: MISSING });
    expect(withoutKey(outside, HANOI.code)).toEqual(withoutKey(missing, MISSING));
    expect(outside.body).toEqual({ data: { dossier: null }, errors: [fieldError('NOT_FOUND', `No dossier with key ${HANOI.code}.`, ['dossier'])] });
  });

  test('lists their province\'s dossiers only, whatever the filter asks', async () => {
    expect(codes(await postAs(OFFICER_46, subgraph.url, PAGE))).toEqual(HUE.map((d) => d.code));
    expect(codes(await postAs(OFFICER_46, subgraph.url, PAGE, { filter: { provinceCode: '01' } }))).toEqual([]);
    expect(codes(await postAs(OFFICER_46, subgraph.url, PAGE, { filter: { applicantId: HANOI.applicantId } }))).toEqual([]);
  });

  test('resolves references to another province\'s dossiers as null', async () => {
    const response = await postAs(OFFICER_46, subgraph.url, entities('... on Dossier { code }'), references('Dossier', 'code', [HANOI.code, HUE[0]!.code]));
    expect(response.body).toEqual({ data: { _entities: [null, { code: HUE[0]!.code }] }, extensions: accessed(HUE[0]!.applicantId) });
  });

  test('sees none of another province\'s dossiers in a citizen\'s or a civil servant\'s list', async () => {
    const selection = '... on Citizen { dossiers { code } } ... on CivilServant { assignedDossiers { code } }';
    const variables = { r: [{ __typename: 'Citizen', personalId: HANOI.applicantId }, { __typename: 'CivilServant', personalId: HANOI.handlerId }] };
    expect((await postAs(OFFICER_46, subgraph.url, entities(selection), variables)).body).toEqual({ data: { _entities: [{ dossiers: [] }, { assignedDossiers: [] }] } });
    const national = await postAs(EVERYTHING_CALLER, subgraph.url, entities(selection), variables);
    expect(national.body.data).toEqual({
      _entities: [
        { dossiers: expect.arrayContaining([{ code: HANOI.code }]) },
        { assignedDossiers: expect.arrayContaining([{ code: HANOI.code }]) },
      ],
    });
  });

  test('reads no history of another province\'s dossier, even asking the repository directly', async () => {
    expect(await findHistories(subgraph.db, { provinceCode: '46' }, [HANOI.code, HUE[0]!.code])).toEqual(
      HUE[0]!.history.map((h) => expect.objectContaining({ dossierCode: HUE[0]!.code, action: h.action })),
    );
  });

  test('moves another province\'s dossier exactly as one that does not exist: NOT_FOUND, nothing written', async () => {
    const before = await written();
    const outside = await postAs(OFFICER_46, subgraph.url, TRANSITION, { code: HANOI.code });
    const missing = await postAs(OFFICER_46, subgraph.url, TRANSITION, { code: MISSING });
    expect(withoutKey(outside, HANOI.code)).toEqual(withoutKey(missing, MISSING));
    expect(outside.body).toEqual({ data: { transitionDossier: null }, errors: [fieldError('NOT_FOUND', `No dossier with key ${HANOI.code}.`, ['transitionDossier'])] });
    expect(await written()).toEqual(before);
  });

  test('files dossiers in their own province, and is refused another with FORBIDDEN and nothing written', async () => {
    const resident = HUE[0]!.applicantId;
    const filed = await postAs(OFFICER_46, subgraph.url, SUBMIT, { applicantId: resident, provinceCode: '46' });
    expect(filed.body).toEqual({
      data: { submitDossier: { applicant: { personalId: resident }, province: { code: '46' }, history: [{ actorId: OFFICER_46.subject }] } },
      extensions: accessed(resident),
    });
    const before = await written();
    const refused = await postAs(OFFICER_46, subgraph.url, SUBMIT, { applicantId: resident, provinceCode: '01' });
    expect(refused.body).toEqual({ data: { submitDossier: null }, errors: [fieldError('FORBIDDEN', 'Province 01 is outside your jurisdiction.', ['submitDossier'])] });
    expect(await written()).toEqual(before);
  });
});

describe('public-services: a citizen sees their own dossiers only', () => {
  test('lists their own dossiers, whatever the filter asks', async () => {
    expect(codes(await postAs(CITIZEN, subgraph.url, PAGE))).toEqual(OWN.map((d) => d.code));
    expect(codes(await postAs(CITIZEN, subgraph.url, PAGE, { filter: { applicantId: STRANGER.applicantId } }))).toEqual([]);
    expect(codes(await postAs(CITIZEN, subgraph.url, PAGE, { filter: { provinceCode: STRANGER.provinceCode } }))).toEqual(
      OWN.filter((d) => d.provinceCode === STRANGER.provinceCode).map((d) => d.code),
    );
  });

  test('reads their own dossier, and someone else\'s as one that does not exist', async () => {
    const own = await postAs(CITIZEN, subgraph.url, DOSSIER, { code: OWN[0]!.code });
    expect(own.body.extensions).toEqual(accessed(APPLICANT));
    const other = await postAs(CITIZEN, subgraph.url, DOSSIER, { code: STRANGER.code });
    const missing = await postAs(CITIZEN, subgraph.url, DOSSIER, { code: MISSING });
    expect(withoutKey(other, STRANGER.code)).toEqual(withoutKey(missing, MISSING));
  });

  test('gets their own dossiers by reference, and none of anyone else\'s', async () => {
    const response = await postAs(CITIZEN, subgraph.url, entities('... on Citizen { dossiers(first: 100) { code } }'), references('Citizen', 'personalId', [APPLICANT, STRANGER.applicantId]));
    expect(response.body).toEqual({
      data: { _entities: [{ dossiers: expect.arrayContaining(OWN.map((d) => ({ code: d.code }))) }, { dossiers: [] }] },
      extensions: accessed(APPLICANT),
    });
    const dossiers = await postAs(CITIZEN, subgraph.url, entities('... on Dossier { code }'), references('Dossier', 'code', [STRANGER.code, OWN[0]!.code]));
    expect(dossiers.body.data).toEqual({ _entities: [null, { code: OWN[0]!.code }] });
  });

  test('files a dossier for themself, in any province, and none for anyone else', async () => {
    const filed = await postAs(CITIZEN, subgraph.url, SUBMIT, { applicantId: APPLICANT, provinceCode: '01' });
    expect(filed.body).toEqual({
      data: { submitDossier: { applicant: { personalId: APPLICANT }, province: { code: '01' }, history: [{ actorId: APPLICANT }] } },
      extensions: accessed(APPLICANT),
    });
    const before = await written();
    const refused = await postAs(CITIZEN, subgraph.url, SUBMIT, { applicantId: STRANGER.applicantId, provinceCode: '01' });
    expect(refused.body).toEqual({
      data: { submitDossier: null },
      errors: [fieldError('FORBIDDEN', 'You may file a dossier only for yourself: applicantId must be your own personal ID.', ['submitDossier'])],
    });
    expect(await written()).toEqual(before);
  });
});

describe('public-services: dossier statistics by jurisdiction', () => {
  const STATISTICS = entities('... on Province { code dossierStatistics(from: "2025-11-01", to: "2026-11-01") { received } }');
  const received = (code: string) => ({ code, dossierStatistics: { received: seeded.filter((d) => d.provinceCode === code).length } });

  test('a provincial analyst gets their province\'s, and FORBIDDEN for another, which is never counted', async () => {
    const analyst = officer('province-analyst', '46');
    const response = await postAs(analyst, subgraph.url, STATISTICS, references('Province', 'code', ['46', '01']));
    expect(response.body).toEqual({
      data: { _entities: [received('46'), { code: '01', dossierStatistics: null }] },
      errors: [fieldError('FORBIDDEN', 'Province 01 is outside your jurisdiction.', ['_entities', 1, 'dossierStatistics'])],
    });
    const before = subgraph.db.statements.count;
    await postAs(analyst, subgraph.url, STATISTICS, references('Province', 'code', ['01']));
    expect(subgraph.db.statements.count - before).toBe(0);
  });

  test('a ministry analyst gets every province\'s', async () => {
    const response = await postAs(officer('ministry-analyst'), subgraph.url, STATISTICS, references('Province', 'code', ['46', '01']));
    expect(response.body).toEqual({ data: { _entities: [received('46'), received('01')] } });
  });

  test('a citizen, who holds the scope through no role but may be given it, gets none', async () => {
    const citizen = { ...CITIZEN, scopes: [...CITIZEN.scopes, 'dossiers:aggregate' as const] };
    const response = await postAs(citizen, subgraph.url, STATISTICS, references('Province', 'code', ['46']));
    expect(response.body).toEqual({
      data: { _entities: [{ code: '46', dossierStatistics: null }] },
      errors: [fieldError('FORBIDDEN', 'Province 46 is outside your jurisdiction.', ['_entities', 0, 'dossierStatistics'])],
    });
  });
});

describe('public-services: whose data a response reports', () => {
  test('a page of dossiers names exactly the applicants of the dossiers on it', async () => {
    const response = await postAs<{ dossiers: { edges: { node: { applicant: { personalId: string } } }[] } }>(
      OFFICER_46,
      subgraph.url,
      'query { dossiers(first: 3) { edges { node { applicant { personalId } } } } }',
    );
    const applicants = response.body.data!.dossiers.edges.map((e) => e.node.applicant.personalId);
    expect(applicants).toHaveLength(3);
    expect(response.body.extensions).toEqual(accessed(...applicants));
  });

  test('an empty page, a refusal or reference data names no one', async () => {
    const response = await postAs(OFFICER_46, subgraph.url, 'query { procedures { code } dossiers(filter: { provinceCode: "01" }) { edges { node { code } } } }');
    expect(response.body.extensions).toBeUndefined();
  });
});
