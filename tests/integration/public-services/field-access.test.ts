import { ESSENTIAL_PROCEDURES } from '../../../lib/domain';
import { publicServicesSubgraph } from '../../../subgraphs/public-services';
import { postAs } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { accessed, citizenCaller, missingScope, officer, purposeRequired } from '../../support/access-fixtures';
import { seededDossiers } from './fixtures';

const subgraph = useTestSubgraph(publicServicesSubgraph);
const seeded = seededDossiers();
const dossier = seeded.find((d) => d.provinceCode === '46' && d.handlerId)!;

/** Callers who each lack what one group of fields needs. */
const ANALYST = officer('ministry-analyst');
const PAYMENTS_ONLY = officer('payments-officer', undefined, { scopes: ['payments:read'] });
const NO_SCOPES = officer('auditor', undefined, { scopes: [] });
const WITHOUT_PURPOSE = officer('province-officer', '46', { purpose: null });
const CITIZEN = citizenCaller(dossier.applicantId);

const entities = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const reference = (__typename: string, key: Record<string, string>) => ({ r: [{ __typename, ...key }] });
const SUBMIT = `mutation ($applicantId: PersonalId!) {
  submitDossier(input: { procedureCode: "DVC02", applicantId: $applicantId, provinceCode: "46", channel: ONLINE }) { code }
}`;
const TRANSITION = 'mutation ($code: ID!) { transitionDossier(code: $code, action: RECEIVE) { status } }';

/** How many dossiers and history entries the database holds. */
async function written() {
  const { rows } = await subgraph.db.pool.query('SELECT (SELECT count(*) FROM dossiers) AS dossiers, (SELECT count(*) FROM dossier_events) AS events');
  return rows[0];
}

describe('public-services: a caller without the scope a field needs', () => {
  test('gets the dossier look-up null with UNAUTHORIZED_FIELD_OR_TYPE, and the procedure asked with it', async () => {
    const response = await postAs(ANALYST, subgraph.url, 'query ($code: ID!) { procedure(code: "DVC02") { code } dossier(code: $code) { code } }', { code: dossier.code });
    expect(response).toEqual({
      status: 200,
      body: { data: { procedure: { code: 'DVC02' }, dossier: null }, errors: [missingScope('Query.dossier', 'dossiers:read', ['dossier'])] },
    });
  });

  test('gets the dossier list null, and the rest of the answer', async () => {
    const response = await postAs(ANALYST, subgraph.url, '{ procedure(code: "DVC02") { code } dossiers(first: 1) { edges { node { code } } } }');
    expect(response.body).toEqual({ data: { procedure: { code: 'DVC02' }, dossiers: null }, errors: [missingScope('Query.dossiers', 'dossiers:read', ['dossiers'])] });
  });

  test('reads a dossier\'s code through a payment scope, but nothing else of it', async () => {
    const response = await postAs(PAYMENTS_ONLY, subgraph.url, entities('... on Dossier { code handler { personalId } }'), reference('Dossier', { code: dossier.code }));
    expect(response.body).toEqual({
      data: { _entities: [{ code: dossier.code, handler: null }] },
      errors: [missingScope('Dossier.handler', 'dossiers:read', ['_entities', 0, 'handler'])],
      extensions: accessed(dossier.applicantId),
    });
  });

  test.each([
    ['citizen\'s dossiers', 'Citizen', { personalId: dossier.applicantId }, 'dossiers'],
    ['civil servant\'s assigned dossiers', 'CivilServant', { personalId: dossier.handlerId! }, 'assignedDossiers'],
  ])('gets no %s: that list alone is null', async (_what, typename, key, field) => {
    const response = await postAs(ANALYST, subgraph.url, entities(`... on ${typename} { ${field} { code } }`), reference(typename, key));
    expect(response.body).toEqual({ data: { _entities: [{ [field]: null }] }, errors: [missingScope(`${typename}.${field}`, 'dossiers:read', ['_entities', 0, field])] });
  });

  test('gets a province\'s dossier statistics null, and its code', async () => {
    const response = await postAs(CITIZEN, subgraph.url, entities('... on Province { code dossierStatistics { received } }'), reference('Province', { code: '46' }));
    expect(response.body).toEqual({
      data: { _entities: [{ code: '46', dossierStatistics: null }] },
      errors: [missingScope('Province.dossierStatistics', 'dossiers:aggregate', ['_entities', 0, 'dossierStatistics'])],
    });
  });

  test('submits nothing without dossiers:write or dossiers:submit', async () => {
    const before = await written();
    const response = await postAs(ANALYST, subgraph.url, SUBMIT, { applicantId: dossier.applicantId });
    expect(response.body).toEqual({ data: { submitDossier: null }, errors: [missingScope('Mutation.submitDossier', 'dossiers:write or dossiers:submit', ['submitDossier'])] });
    expect(await written()).toEqual(before);
  });

  test('moves nothing without dossiers:write, even a citizen their own dossier', async () => {
    const before = await written();
    const response = await postAs(CITIZEN, subgraph.url, TRANSITION, { code: dossier.code });
    expect(response.body).toEqual({ data: { transitionDossier: null }, errors: [missingScope('Mutation.transitionDossier', 'dossiers:write', ['transitionDossier'])] });
    expect(await written()).toEqual(before);
  });
});

describe('public-services: reference data', () => {
  test('is read by any verified caller, whatever their scopes, and is no one\'s personal data', async () => {
    const response = await postAs(NO_SCOPES, subgraph.url, '{ procedures { code processingDays } procedure(code: "DVC09") { name } }');
    expect(response.body).toEqual({
      data: {
        procedures: ESSENTIAL_PROCEDURES.map(({ code, processingDays }) => ({ code, processingDays })),
        procedure: { name: ESSENTIAL_PROCEDURES.find((p) => p.code === 'DVC09')!.name },
      },
    });
  });

  test('is read by reference too', async () => {
    const response = await postAs(NO_SCOPES, subgraph.url, entities('... on Procedure { code sector }'), reference('Procedure', { code: 'DVC09' }));
    expect(response.body).toEqual({ data: { _entities: [{ code: 'DVC09', sector: ESSENTIAL_PROCEDURES.find((p) => p.code === 'DVC09')!.sector }] } });
  });
});

describe('public-services: a caller without a stated purpose', () => {
  test('gets a dossier null with PURPOSE_REQUIRED, and reference data asked with it', async () => {
    const response = await postAs(WITHOUT_PURPOSE, subgraph.url, 'query ($code: ID!) { procedure(code: "DVC02") { code } dossier(code: $code) { code } }', { code: dossier.code });
    expect(response.body).toEqual({ data: { procedure: { code: 'DVC02' }, dossier: null }, errors: [purposeRequired('Query.dossier', ['dossier'])] });
  });

  test('gets no citizen\'s dossiers by reference', async () => {
    const response = await postAs(WITHOUT_PURPOSE, subgraph.url, entities('... on Citizen { dossiers { code } }'), reference('Citizen', { personalId: dossier.applicantId }));
    expect(response.body).toEqual({ data: { _entities: [{ dossiers: null }] }, errors: [purposeRequired('Citizen.dossiers', ['_entities', 0, 'dossiers'])] });
  });

  test('still gets aggregates, which are no one\'s personal data', async () => {
    const response = await postAs(WITHOUT_PURPOSE, subgraph.url, entities('... on Province { dossierStatistics(from: "2020-01-01", to: "2020-01-31") { received } }'), reference('Province', { code: '46' }));
    expect(response.body).toEqual({ data: { _entities: [{ dossierStatistics: { received: 0 } }] } });
  });
});
