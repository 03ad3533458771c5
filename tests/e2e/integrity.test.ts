import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { DELEGATION_HEADER, encodeIdentity, issueDelegationGrant, ROLES, type Caller } from '../../lib/auth';
import { REQUEST_ID_HEADER } from '../../lib/subgraph';
import type { GraphQLResponse } from '../support/graphql-client';
import { errorCodes } from '../support/response-checks';
import { DOSSIERS, SEEDED, submittedDossier } from '../support/seeded-payments';
import { startTestGraph, type TestGraph } from '../support/test-graph';
import { signedHeaders, TEST_KEYS } from '../support/test-identity';

/**
 * Cross-database integrity without any subgraph reading another's database: public-services
 * checks a submission's applicant, and payments a payment's dossier, by asking the gateway as
 * the caller under the delegation grant the gateway gave with the mutation. And the grant
 * itself: what a subgraph and the gateway accept, and what they refuse.
 */
let graph: TestGraph;
const PURPOSE = 'Giải quyết hồ sơ';
const HUE_RESIDENT = DOSSIERS.find((d) => d.provinceCode === '46')!.applicantId;
const HANOI_RESIDENT = DOSSIERS.find((d) => d.provinceCode === '01')!.applicantId;
const NOBODY = '001198999999';

const submission = (procedureCode: string, applicantId: string, provinceCode: string) =>
  `mutation { submitDossier(input: { procedureCode: "${procedureCode}", applicantId: "${applicantId}", provinceCode: "${provinceCode}", channel: ONLINE }) { code } }`;
const INITIATE = 'mutation ($code: ID!, $key: String!) { initiatePayment(dossierCode: $code, method: E_WALLET, idempotencyKey: $key) { id amount status } }';
const DOSSIER = 'query ($code: ID!) { dossier(code: $code) { code } }';

const citizen = (personalId: string): Caller => ({ subject: personalId, role: 'citizen', scopes: ROLES.citizen.scopes, jurisdiction: { kind: 'self', personalId }, purpose: PURPOSE });

async function post(url: string, body: string, headers: Record<string, string>): Promise<GraphQLResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}

interface GrantOptions {
  audience: string;
  caller?: Caller;
  requestId?: string;
  key?: typeof TEST_KEYS.privateKey;
  issuedAt?: number;
}

/** A grant as the gateway issues it (the test graph's gateway signs with TEST_KEYS), or forged, or stale. */
const grant = ({ audience, caller = citizen(HUE_RESIDENT), requestId = randomUUID(), key = TEST_KEYS.privateKey, issuedAt }: GrantOptions) =>
  issueDelegationGrant(key, { identity: encodeIdentity(caller), requestId, audience }, issuedAt);

/** A request straight to a subgraph, signed as the gateway signs it, with a grant (or none). */
function toSubgraph(subgraph: string, query: string, variables: Record<string, unknown>, options: { caller?: Caller; grant?: string; requestId?: string } = {}) {
  const body = JSON.stringify({ query, variables });
  const headers: Record<string, string> = { ...signedHeaders(subgraph, body, options.caller ?? citizen(HUE_RESIDENT)) };
  if (options.grant) headers[DELEGATION_HEADER] = options.grant;
  if (options.requestId) headers[REQUEST_ID_HEADER] = options.requestId;
  return post(graph.subgraphs[subgraph]!.url, body, headers);
}

const countOf = async (subgraph: string, table: string) => Number((await graph.subgraphs[subgraph]!.db.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

beforeAll(async () => {
  graph = await startTestGraph(SEEDED.scale);
  expect((await graph.subgraphs.residents!.db.pool.query('SELECT 1 FROM citizens WHERE personal_id = $1', [NOBODY])).rowCount).toBe(0);
});
afterAll(() => graph.stop());

describe('A submission\'s applicant, checked in residents through the gateway', () => {
  it('is refused with UNKNOWN_APPLICANT when nobody holds the personal ID, and nothing is written', async () => {
    const before = await countOf('public-services', 'dossiers');
    const { body } = await graph.query(submission('DVC02', NOBODY, '46'));
    expect(body).toEqual({ data: { submitDossier: null }, errors: [{ message: `No resident with personal ID ${NOBODY}.`, path: ['submitDossier'], extensions: { code: 'UNKNOWN_APPLICANT', applicantId: NOBODY } }] });
    expect(await countOf('public-services', 'dossiers')).toBe(before);
  });

  it('must reside in the province for a residence-bound procedure, and need not for another', async () => {
    const procedure = await graph.query<{ procedure: { residenceBound: boolean } }>('{ procedure(code: "DVC05") { residenceBound } }');
    expect(procedure.body.data).toEqual({ procedure: { residenceBound: true } });
    const elsewhere = await graph.query(submission('DVC05', HUE_RESIDENT, '01'));
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ message: 'Procedure DVC05 is filed where the applicant resides, which is not province 01.', extensions: { code: 'NOT_RESIDENT_IN_PROVINCE' } })]);
    expect((await graph.query(submission('DVC05', HUE_RESIDENT, '46'))).body.errors).toBeUndefined();
    expect((await graph.query(submission('DVC02', HUE_RESIDENT, '01'))).body.errors).toBeUndefined();
  });

  it('holds for a citizen filing for themself too', async () => {
    const own = await graph.token({ role: 'citizen', subject: HANOI_RESIDENT, purpose: PURPOSE });
    expect(errorCodes((await graph.query(submission('DVC05', HANOI_RESIDENT, '46'), {}, own)).body)).toEqual(['NOT_RESIDENT_IN_PROVINCE']);
    expect((await graph.query(submission('DVC05', HANOI_RESIDENT, '01'), {}, own)).body.errors).toBeUndefined();
  });

  it('is read as the caller, and recorded in the audit log under the mutation\'s request id', async () => {
    const officer = await graph.token({ role: 'province-officer', province: '46', purpose: PURPOSE });
    const requestId = `submit-${randomUUID()}`;
    const response = await post(graph.url, JSON.stringify({ query: submission('DVC02', HUE_RESIDENT, '46') }), { authorization: `Bearer ${officer}`, 'x-request-id': requestId });
    expect(response.body.errors).toBeUndefined();
    const { rows } = await graph.subgraphs.audit!.db.pool.query('SELECT subject, role, province, purpose, operation_name, citizens, fields FROM audit_log WHERE request_id = $1', [requestId]);
    expect(rows).toContainEqual({
      subject: 'officer:province-officer:46',
      role: 'province-officer',
      province: '46',
      purpose: PURPOSE,
      operation_name: 'SubmissionApplicant',
      citizens: [HUE_RESIDENT],
      fields: ['Citizen.province', 'Query.citizen'],
    });
  });
});

describe('A payment\'s dossier and fee, checked through the gateway', () => {
  it('charges the fee payments\' own schedule sets for the procedure public-services files the dossier under', async () => {
    const code = await submittedDossier(graph, '46');
    const fees = graph.subgraphs.payments!.db.pool;
    await fees.query("UPDATE fee_schedule SET amount = 71000 WHERE procedure_code = 'DVC02'");
    try {
      const { body } = await graph.query<{ initiatePayment: { amount: number } }>(INITIATE, { code, key: randomUUID() });
      expect(body.data!.initiatePayment.amount).toBe(71_000);
    } finally {
      await fees.query("UPDATE fee_schedule SET amount = 70000 WHERE procedure_code = 'DVC02'");
    }
  });

  it('pays a dossier once: of 50 tries with 50 keys at once, one starts, and settling everything pays the fee once', async () => {
    const code = await submittedDossier(graph, '01');
    const tries = await Promise.all(Array.from({ length: 50 }, () => graph.query<{ initiatePayment: { id: string } }>(INITIATE, { code, key: randomUUID() })));
    const started = tries.flatMap((t) => (t.body.data?.initiatePayment ? [t.body.data.initiatePayment.id] : []));
    expect(started).toHaveLength(1);
    expect(tries.flatMap((t) => errorCodes(t.body))).toEqual(Array(49).fill('INVALID_PAYMENT_STATE'));
    const SETTLE = 'mutation ($id: ID!) { settlePayment(id: $id, succeeded: true) { status } }';
    await Promise.all(started.map((id) => graph.query(SETTLE, { id })));
    const { rows } = await graph.subgraphs.payments!.db.pool.query('SELECT status, amount::int FROM payments WHERE dossier_code = $1', [code]);
    expect(rows).toEqual([{ status: 'PAID', amount: 70_000 }]);
  });
});

describe('Delegation grants at a subgraph', () => {
  const SUBMIT = 'mutation ($id: PersonalId!) { submitDossier(input: { procedureCode: "DVC02", applicantId: $id, provinceCode: "46", channel: ONLINE }) { code } }';
  const refused = (reason: string) => ({ status: 401, body: { errors: [{ message: `Not authenticated: ${reason}.`, extensions: { code: 'UNAUTHENTICATED' } }] } });

  it('runs a mutation the gateway signed only with the grant it gave for it: without one, it refuses and writes nothing', async () => {
    const unpaid = await submittedDossier(graph, '46');
    const before = [await countOf('public-services', 'dossiers'), await countOf('payments', 'payments')];
    const noGrant = refused('subgraphs run mutations only with the gateway\'s delegation grant');
    expect(await toSubgraph('public-services', SUBMIT, { id: HUE_RESIDENT })).toEqual(noGrant);
    expect(await toSubgraph('payments', INITIATE, { code: unpaid, key: randomUUID() })).toEqual(noGrant);
    expect([await countOf('public-services', 'dossiers'), await countOf('payments', 'payments')]).toEqual(before);
  });

  it('accepts the grant the gateway gave for the request and the caller, and checks references as that caller', async () => {
    const requestId = randomUUID();
    const response = await toSubgraph('public-services', SUBMIT, { id: HUE_RESIDENT }, { grant: grant({ audience: 'public-services', requestId }), requestId });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const other = randomUUID();
    const forAnother = await toSubgraph('public-services', SUBMIT, { id: HANOI_RESIDENT }, { grant: grant({ audience: 'public-services', requestId: other }), requestId: other });
    expect(errorCodes(forAnother.body)).toEqual(['FORBIDDEN']);
  });

  it('refuses a grant given to another subgraph', async () => {
    const requestId = randomUUID();
    const response = await toSubgraph('public-services', SUBMIT, { id: HUE_RESIDENT }, { grant: grant({ audience: 'payments', requestId }), requestId });
    expect(response).toEqual(refused('the delegation grant was given to another subgraph'));
  });

  it('refuses a grant given for another request or another caller', async () => {
    const requestId = randomUUID();
    const otherRequest = await toSubgraph('public-services', SUBMIT, { id: HUE_RESIDENT }, { grant: grant({ audience: 'public-services' }), requestId });
    expect(otherRequest).toEqual(refused('the delegation grant was given for another request'));
    const national = { ...citizen(HUE_RESIDENT), role: 'auditor' as const, jurisdiction: { kind: 'national' as const } };
    const otherCaller = await toSubgraph('public-services', SUBMIT, { id: HUE_RESIDENT }, { grant: grant({ audience: 'public-services', caller: national, requestId }), requestId });
    expect(otherCaller).toEqual(refused('the delegation grant was given for another request'));
  });

  it('refuses a forged grant', async () => {
    const requestId = randomUUID();
    const forged = grant({ audience: 'public-services', requestId, key: generateKeyPairSync('ed25519').privateKey });
    expect(await toSubgraph('public-services', SUBMIT, { id: HUE_RESIDENT }, { grant: forged, requestId })).toEqual(refused('the delegation grant\'s signature does not verify'));
  });
});

describe('Delegation grants at the gateway', () => {
  const refused = (reason: string) => ({ status: 401, body: { errors: [{ message: `Not authenticated: ${reason}.`, extensions: { code: 'UNAUTHENTICATED' } }] } });
  const lookUp = (grantValue: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    post(graph.url, JSON.stringify({ query, variables }), { [DELEGATION_HEADER]: grantValue, ...headers });

  it('answers a query as the caller the grant names: their own rows only, recorded under the grant\'s request id', async () => {
    const own = DOSSIERS.find((d) => d.applicantId === HUE_RESIDENT)!.code;
    const requestId = randomUUID();
    const value = grant({ audience: 'payments', requestId });
    expect((await lookUp(value, DOSSIER, { code: own })).body).toEqual({ data: { dossier: { code: own } } });
    const someoneElses = DOSSIERS.find((d) => d.applicantId !== HUE_RESIDENT)!.code;
    expect(errorCodes((await lookUp(value, DOSSIER, { code: someoneElses })).body)).toEqual(['NOT_FOUND']);
    const { rows } = await graph.subgraphs.audit!.db.pool.query('SELECT subject, citizens FROM audit_log WHERE request_id = $1 ORDER BY seq', [requestId]);
    expect(rows).toEqual([{ subject: HUE_RESIDENT, citizens: [HUE_RESIDENT] }, { subject: HUE_RESIDENT, citizens: [] }]);
  });

  it('refuses anything but a query under a grant', async () => {
    const response = await lookUp(grant({ audience: 'payments' }), submission('DVC02', HUE_RESIDENT, '46'));
    expect(response).toEqual({ status: 403, body: { errors: [{ message: 'A delegation grant allows queries only.', extensions: { code: 'FORBIDDEN' } }] } });
  });

  it('refuses an expired grant, a forged one, and one sent with a token', async () => {
    expect(await lookUp(grant({ audience: 'payments', issuedAt: Date.now() - 11_000 }), DOSSIER, { code: 'x' })).toEqual(refused('the delegation grant has expired'));
    const forged = grant({ audience: 'payments', key: generateKeyPairSync('ed25519').privateKey });
    expect(await lookUp(forged, DOSSIER, { code: 'x' })).toEqual(refused('the delegation grant\'s signature does not verify'));
    const token = await graph.token({ role: 'auditor', purpose: PURPOSE });
    expect(await lookUp(grant({ audience: 'payments' }), DOSSIER, { code: 'x' }, { authorization: `Bearer ${token}` })).toEqual(refused('send a bearer token or a delegation grant, not both'));
  });
});
