import { randomUUID } from 'node:crypto';
import { withoutKey } from '../support/access-fixtures';
import type { GraphQLResponse } from '../support/graphql-client';
import { errorCodes } from '../support/response-checks';
import { DOSSIERS, PAYMENTS, SEEDED, submittedDossier } from '../support/seeded-payments';
import { startTestGraph, type TestGraph } from '../support/test-graph';

/**
 * No mutation tells a caller anything about a row they may not read: a dossier, payment or
 * applicant outside their jurisdiction — whatever its state — answers exactly as one that does
 * not exist, and nothing is written. Every mutation, as a citizen, a province officer and a
 * payments officer, through the gateway.
 */
let graph: TestGraph;
const PURPOSE = 'Giải quyết hồ sơ';

/** A Huế resident and a Hà Nội resident, each with a dossier of their own to pay. */
const A = DOSSIERS.find((d) => d.provinceCode === '46')!.applicantId;
const B = DOSSIERS.find((d) => d.provinceCode === '01')!.applicantId;
const HANOI_PAID = PAYMENTS.find((p) => p.provinceCode === '01' && p.status === 'PAID')!;
/** Hà Nội dossiers in two different states: moving either must say nothing about which. */
const HANOI_NEW = DOSSIERS.find((d) => d.provinceCode === '01')!;
const HANOI_DONE = DOSSIERS.find((d) => d.provinceCode === '01' && d.status !== HANOI_NEW.status)!;
const MISSING_DOSSIER = '01-DVC02-261101-999999';
const MISSING_PAYMENT = '00000000-0000-4000-8000-000000000000';
/** A well-formed personal ID nobody in the seed holds. */
const NOBODY = '001198999999';

const tokens: Record<string, string> = {};
let ownA: string;
let ownB: string;
/** The payment citizen A started on their own dossier, with the key "one-key". */
let paymentA: string;
/** A Hà Nội payment waiting for its intermediary (the seed has none pending). */
let hanoiPending: string;

const SUBMIT = 'mutation ($id: PersonalId!) { submitDossier(input: { procedureCode: "DVC02", applicantId: $id, provinceCode: "46", channel: ONLINE }) { code } }';
const TRANSITION = 'mutation ($code: ID!) { transitionDossier(code: $code, action: RECEIVE) { status } }';
const INITIATE = 'mutation ($code: ID!, $key: String!) { initiatePayment(dossierCode: $code, method: CARD, idempotencyKey: $key) { id status } }';
const SETTLE = 'mutation ($id: ID!) { settlePayment(id: $id, succeeded: true) { status } }';
const REFUND = 'mutation ($id: ID!) { refundPayment(id: $id) { status } }';

const as = <T = Record<string, unknown>>(who: string, source: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> =>
  graph.query<T>(source, variables, tokens[who]);

/** Everything a mutation could have written. */
async function written(): Promise<unknown> {
  const one = async (subgraph: string, sql: string) => (await graph.subgraphs[subgraph]!.db.pool.query(sql)).rows[0];
  return {
    payments: await one('payments', "SELECT md5(string_agg(p::text, '|' ORDER BY id)) AS h FROM payments p"),
    dossiers: await one('public-services', "SELECT md5(string_agg(d::text, '|' ORDER BY code)) AS h, (SELECT count(*) FROM dossier_events) AS events FROM dossiers d"),
  };
}

/**
 * Sends one mutation for each key (the variable `name` set to it) and expects every answer to be
 * the last one's — the row that does not exist — but for the key itself, and nothing written.
 */
async function answeredAlike(who: string, source: string, name: string, keys: string[], extra: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const before = await written();
  const responses = [];
  for (const key of keys) responses.push(await as(who, source, { ...extra, [name]: key }));
  const missing = withoutKey(responses.at(-1)!, keys.at(-1)!);
  responses.forEach((response, i) => expect(withoutKey(response, keys[i]!)).toEqual(missing));
  expect(await written()).toEqual(before);
  return responses.at(-1)!;
}

beforeAll(async () => {
  graph = await startTestGraph(SEEDED.scale);
  const held = await graph.subgraphs.residents!.db.pool.query('SELECT 1 FROM citizens WHERE personal_id = $1', [NOBODY]);
  expect(held.rowCount).toBe(0);
  tokens.citizenA = await graph.token({ role: 'citizen', subject: A, purpose: PURPOSE });
  tokens.citizenB = await graph.token({ role: 'citizen', subject: B, purpose: PURPOSE });
  tokens.officer = await graph.token({ role: 'province-officer', province: '46', purpose: PURPOSE });
  tokens.payments = await graph.token({ role: 'payments-officer', province: '46', purpose: PURPOSE });
  // Each citizen files a dossier for themself, in their own province: theirs to pay.
  ownA = (await as<{ submitDossier: { code: string } }>('citizenA', SUBMIT, { id: A })).body.data!.submitDossier.code;
  const filedB = await as<{ submitDossier: { code: string } }>('citizenB', SUBMIT.replace('"46"', '"01"'), { id: B });
  ownB = filedB.body.data!.submitDossier.code;
  const started = await graph.query<{ initiatePayment: { id: string } }>(INITIATE, { code: await submittedDossier(graph, '01'), key: randomUUID() });
  hanoiPending = started.body.data!.initiatePayment.id;
});
afterAll(() => graph.stop());

describe('submitDossier', () => {
  it('a citizen files for themself; for another resident and for a personal ID nobody holds they get the same FORBIDDEN', async () => {
    const refused = await answeredAlike('citizenA', SUBMIT, 'id', [B, NOBODY]);
    expect(errorCodes(refused.body)).toEqual(['FORBIDDEN']);
  });

  it('a province officer files for their residents; a resident of another province answers as nobody: UNKNOWN_APPLICANT', async () => {
    expect((await as('officer', SUBMIT, { id: A })).body.errors).toBeUndefined();
    const refused = await answeredAlike('officer', SUBMIT, 'id', [B, NOBODY]);
    expect(refused.body).toEqual({ data: { submitDossier: null }, errors: [{ message: `No resident with personal ID ${NOBODY}.`, path: ['submitDossier'], extensions: { code: 'UNKNOWN_APPLICANT', applicantId: NOBODY } }] });
  });

  it('a payments officer, who may not file, is refused alike for anyone', async () => {
    const refused = await answeredAlike('payments', SUBMIT, 'id', [A, B, NOBODY]);
    expect(errorCodes(refused.body)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });
});

describe('transitionDossier', () => {
  it('a province officer moves their province\'s dossiers; another province\'s, whatever its status, answers as a missing one: NOT_FOUND', async () => {
    expect((await as('officer', TRANSITION, { code: ownA })).body).toEqual({ data: { transitionDossier: { status: 'RECEIVED' } } });
    const refused = await answeredAlike('officer', TRANSITION, 'code', [HANOI_NEW.code, HANOI_DONE.code, MISSING_DOSSIER]);
    expect(errorCodes(refused.body)).toEqual(['NOT_FOUND']);
  });

  it.each([['citizenA'], ['payments']])('%s, who may not move dossiers, is refused alike for their own, another\'s and a missing one', async (who) => {
    const refused = await answeredAlike(who, TRANSITION, 'code', [ownA, HANOI_NEW.code, MISSING_DOSSIER]);
    expect(errorCodes(refused.body)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });
});

describe('initiatePayment', () => {
  it('a citizen pays their own dossier; another citizen\'s, paid or not, answers as a missing one: NOT_FOUND', async () => {
    const own = await as<{ initiatePayment: { id: string; status: string } }>('citizenA', INITIATE, { code: ownA, key: 'one-key' });
    expect(own.body.data!.initiatePayment.status).toBe('PENDING');
    paymentA = own.body.data!.initiatePayment.id;
    const refused = await answeredAlike('citizenA', INITIATE, 'code', [ownB, HANOI_PAID.dossierCode, MISSING_DOSSIER], { key: randomUUID() });
    expect(refused.body).toEqual({ data: { initiatePayment: null }, errors: [{ message: `No dossier with key ${MISSING_DOSSIER}.`, path: ['initiatePayment'], extensions: { code: 'NOT_FOUND' } }] });
  });

  it('idempotency keys are each caller\'s own: another citizen\'s key is no collision, nor a clue', async () => {
    const first = await as<{ initiatePayment: { id: string } }>('citizenB', INITIATE, { code: ownB, key: 'one-key' });
    const again = await as<{ initiatePayment: { id: string } }>('citizenA', INITIATE, { code: ownA, key: 'one-key' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.initiatePayment.id).not.toBe(paymentA);
    expect(again.body.data!.initiatePayment.id).toBe(paymentA);
  });

  it('a payments officer pays their province\'s dossiers; another province\'s, paid or not, answers as a missing one', async () => {
    expect((await as('payments', INITIATE, { code: await submittedDossier(graph, '46'), key: randomUUID() })).body.errors).toBeUndefined();
    const refused = await answeredAlike('payments', INITIATE, 'code', [ownB, HANOI_PAID.dossierCode, MISSING_DOSSIER], { key: randomUUID() });
    expect(errorCodes(refused.body)).toEqual(['NOT_FOUND']);
  });

  it('a province officer, who may not pay, is refused alike for any dossier', async () => {
    const refused = await answeredAlike('officer', INITIATE, 'code', [ownA, ownB, MISSING_DOSSIER], { key: randomUUID() });
    expect(errorCodes(refused.body)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });
});

describe.each([
  ['settlePayment', SETTLE],
  ['refundPayment', REFUND],
])('%s', (name, mutation) => {
  it('a payments officer acts on their province\'s payments; another province\'s, pending or paid, answers as a missing one: NOT_FOUND', async () => {
    const refused = await answeredAlike('payments', mutation, 'id', [hanoiPending, HANOI_PAID.id, MISSING_PAYMENT]);
    expect(refused.body).toEqual({ data: { [name]: null }, errors: [{ message: `No payment with key ${MISSING_PAYMENT}.`, path: [name], extensions: { code: 'NOT_FOUND' } }] });
  });

  it.each([['citizenA'], ['officer']])('%s, who may not settle or refund, is refused alike for any payment', async (who) => {
    const refused = await answeredAlike(who, mutation, 'id', [hanoiPending, HANOI_PAID.id, MISSING_PAYMENT]);
    expect(errorCodes(refused.body)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });
});

it('a payments officer settles and refunds a payment of their province, and is told its state', async () => {
  const started = await as<{ initiatePayment: { id: string } }>('payments', INITIATE, { code: await submittedDossier(graph, '46'), key: randomUUID() });
  const id = started.body.data!.initiatePayment.id;
  expect((await as('payments', SETTLE, { id })).body).toEqual({ data: { settlePayment: { status: 'PAID' } } });
  expect(errorCodes((await as('payments', SETTLE, { id })).body)).toEqual(['INVALID_PAYMENT_STATE']);
  expect((await as('payments', REFUND, { id })).body).toEqual({ data: { refundPayment: { status: 'REFUNDED' } } });
});
