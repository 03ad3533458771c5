import { randomUUID } from 'node:crypto';
import type { Tables } from '../../../subgraphs/payments/data/tables';
import { postAs } from '../../support/graphql-client';
import { subgraphOf, useTestGraph } from '../../support/test-graph';
import { EVERYTHING_CALLER } from '../../support/test-identity';
import { accessed, citizenCaller, fieldError, officer, withoutKey } from '../../support/access-fixtures';
import { OPTIONS, PAYMENTS, PAYMENTS_IN_ORDER, submittedDossier, takeUnpaidDossier } from './synthetic';

// The whole graph: a payment checks its dossier through the gateway. Requests still go straight to the subgraph.
const graph = useTestGraph(OPTIONS.scale);
const subgraph = subgraphOf<Tables>(graph, 'payments');

const OFFICER_46 = officer('payments-officer', '46');
const HUE = PAYMENTS_IN_ORDER.filter((p) => p.provinceCode === '46');
const HUE_PAID = HUE.find((p) => p.status === 'PAID')!;
/** Hà Nội payments a Huế officer must not see, though they exist and could be settled or refunded. */
const HANOI_PAID = PAYMENTS.find((p) => p.provinceCode === '01' && p.status === 'PAID')!;
const HANOI_PENDING = randomUUID();
const MISSING = '00000000-0000-4000-8000-000000000000';
const MISSING_DOSSIER = '01-DVC02-261101-999999';
const PAYER = PAYMENTS.find((p) => PAYMENTS.filter((q) => q.payerId === p.payerId).length > 1)!.payerId;
const CITIZEN = citizenCaller(PAYER);
const OWN = PAYMENTS_IN_ORDER.filter((p) => p.payerId === PAYER);
const STRANGER = PAYMENTS.find((p) => p.payerId !== PAYER && p.status === 'PAID')!;

const PAYMENT = 'query ($id: ID!) { payment(id: $id) { id status } }';
const PAGE = 'query ($filter: PaymentFilter) { payments(filter: $filter, first: 100) { edges { node { id } } pageInfo { hasNextPage } } }';
const INITIATE = `mutation ($code: ID!, $key: String!) {
  initiatePayment(dossierCode: $code, method: E_WALLET, idempotencyKey: $key) { status payer { personalId } province { code } }
}`;
const SETTLE = 'mutation ($id: ID!) { settlePayment(id: $id, succeeded: true) { status } }';
const REFUND = 'mutation ($id: ID!) { refundPayment(id: $id) { status } }';
const entities = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const references = (__typename: string, key: string, values: string[]) => ({ r: values.map((value) => ({ __typename, [key]: value })) });

const ids = (response: { body: { data?: unknown } }) => (response.body.data as { payments: { edges: { node: { id: string } }[] } }).payments.edges.map((e) => e.node.id);

/** Every payment as it stands: anything a mutation could have written. */
async function written(): Promise<unknown> {
  const { rows } = await subgraph.db.pool.query(`SELECT md5(string_agg(p::text, '|' ORDER BY id)) AS payments, count(*) AS n FROM payments p`);
  return rows[0];
}

beforeAll(async () => {
  // On a dossier of its own: a dossier has at most one payment pending or paid.
  const { code, procedureCode, applicantId, fee } = takeUnpaidDossier((d) => d.provinceCode === '01');
  await subgraph.db.kysely
    .insertInto('payments')
    .values({ id: HANOI_PENDING, dossier_code: code, procedure_code: procedureCode, province_code: '01', payer_id: applicantId, amount: fee, method: 'CARD', intermediary: 'NAPAS', status: 'PENDING', idempotency_owner: applicantId, idempotency_key: HANOI_PENDING })
    .execute();
});

describe('payments: a provincial officer sees their province\'s payments only', () => {
  test('gets another province\'s payment exactly as a payment that does not exist', async () => {
    const outside = await postAs(OFFICER_46, subgraph.url, PAYMENT, { id: HANOI_PAID.id });
    const missing = await postAs(OFFICER_46, subgraph.url, PAYMENT, { id: MISSING });
    expect(withoutKey(outside, HANOI_PAID.id)).toEqual(withoutKey(missing, MISSING));
    expect(outside.body).toEqual({ data: { payment: null }, errors: [fieldError('NOT_FOUND', `No payment with key ${HANOI_PAID.id}.`, ['payment'])] });
  });

  test('lists their province\'s payments only, whatever the filter asks, reporting exactly their payers', async () => {
    const all = await postAs(OFFICER_46, subgraph.url, PAGE);
    expect(ids(all)).toEqual(HUE.map((p) => p.id));
    expect(all.body.extensions).toEqual(accessed(...HUE.map((p) => p.payerId)));
    const none = await postAs(OFFICER_46, subgraph.url, PAGE, { filter: { provinceCode: '01' } });
    expect(none.body).toEqual({ data: { payments: { edges: [], pageInfo: { hasNextPage: false } } } });
    expect(ids(await postAs(OFFICER_46, subgraph.url, PAGE, { filter: { dossierCode: HANOI_PAID.dossierCode } }))).toEqual([]);
  });

  test('resolves references to another province\'s payments and dossiers as null', async () => {
    const payments = await postAs(OFFICER_46, subgraph.url, entities('... on Payment { id }'), references('Payment', 'id', [HANOI_PAID.id, HUE_PAID.id]));
    expect(payments.body).toEqual({ data: { _entities: [null, { id: HUE_PAID.id }] }, extensions: accessed(HUE_PAID.payerId) });
    const dossiers = await postAs(OFFICER_46, subgraph.url, entities('... on Dossier { code feeStatus payments { id } }'), references('Dossier', 'code', [HANOI_PAID.dossierCode, HUE_PAID.dossierCode]));
    expect(dossiers.body).toEqual({
      data: { _entities: [null, { code: HUE_PAID.dossierCode, feeStatus: 'PAID', payments: HUE.filter((p) => p.dossierCode === HUE_PAID.dossierCode).map((p) => ({ id: p.id })) }] },
      extensions: accessed(HUE_PAID.payerId),
    });
  });

  test('sees none of another province\'s payments in a citizen\'s list', async () => {
    const variables = references('Citizen', 'personalId', [HANOI_PAID.payerId]);
    expect((await postAs(OFFICER_46, subgraph.url, entities('... on Citizen { payments { id } }'), variables)).body).toEqual({ data: { _entities: [{ payments: [] }] } });
    const national = await postAs(EVERYTHING_CALLER, subgraph.url, entities('... on Citizen { payments { id } }'), variables);
    expect(national.body.data).toEqual({ _entities: [{ payments: expect.arrayContaining([{ id: HANOI_PAID.id }]) }] });
  });

  test.each([
    ['settles', SETTLE, HANOI_PENDING, 'settlePayment'],
    ['refunds', REFUND, HANOI_PAID.id, 'refundPayment'],
  ])('%s another province\'s payment exactly as one that does not exist: NOT_FOUND, nothing written', async (_what, mutation, id, field) => {
    const before = await written();
    const outside = await postAs(OFFICER_46, subgraph.url, mutation, { id });
    const missing = await postAs(OFFICER_46, subgraph.url, mutation, { id: MISSING });
    expect(withoutKey(outside, id)).toEqual(withoutKey(missing, MISSING));
    expect(outside.body).toEqual({ data: { [field]: null }, errors: [fieldError('NOT_FOUND', `No payment with key ${id}.`, [field])] });
    expect(await written()).toEqual(before);
  });

  test('starts paying their province\'s dossiers, as no payer, and another province\'s exactly as a missing dossier', async () => {
    const started = await postAs(OFFICER_46, subgraph.url, INITIATE, { code: await submittedDossier(graph, '46'), key: randomUUID() });
    expect(started.body).toEqual({ data: { initiatePayment: { status: 'PENDING', payer: null, province: { code: '46' } } } });
    const before = await written();
    const hanoi = takeUnpaidDossier((d) => d.provinceCode === '01').code;
    const outside = await postAs(OFFICER_46, subgraph.url, INITIATE, { code: hanoi, key: randomUUID() });
    const missing = await postAs(OFFICER_46, subgraph.url, INITIATE, { code: MISSING_DOSSIER, key: randomUUID() });
    expect(withoutKey(outside, hanoi)).toEqual(withoutKey(missing, MISSING_DOSSIER));
    expect(outside.body).toEqual({ data: { initiatePayment: null }, errors: [fieldError('NOT_FOUND', `No dossier with key ${hanoi}.`, ['initiatePayment'])] });
    expect(await written()).toEqual(before);
  });
});

describe('payments: a citizen sees their own payments only', () => {
  test('lists their own payments, whatever the filter asks', async () => {
    expect(ids(await postAs(CITIZEN, subgraph.url, PAGE))).toEqual(OWN.map((p) => p.id));
    expect(ids(await postAs(CITIZEN, subgraph.url, PAGE, { filter: { payerId: STRANGER.payerId } }))).toEqual([]);
  });

  test('reads their own payment, and someone else\'s as one that does not exist', async () => {
    const own = await postAs(CITIZEN, subgraph.url, PAYMENT, { id: OWN[0]!.id });
    expect(own.body).toEqual({ data: { payment: { id: OWN[0]!.id, status: OWN[0]!.status } }, extensions: accessed(PAYER) });
    const other = await postAs(CITIZEN, subgraph.url, PAYMENT, { id: STRANGER.id });
    const missing = await postAs(CITIZEN, subgraph.url, PAYMENT, { id: MISSING });
    expect(withoutKey(other, STRANGER.id)).toEqual(withoutKey(missing, MISSING));
  });

  test('gets their own payments by reference, and none of anyone else\'s', async () => {
    const response = await postAs(CITIZEN, subgraph.url, entities('... on Citizen { payments { id } }'), references('Citizen', 'personalId', [PAYER, STRANGER.payerId]));
    expect(response.body).toEqual({ data: { _entities: [{ payments: [...OWN].reverse().map((p) => ({ id: p.id })) }, { payments: [] }] }, extensions: accessed(PAYER) });
    const payments = await postAs(CITIZEN, subgraph.url, entities('... on Payment { id }'), references('Payment', 'id', [STRANGER.id]));
    expect(payments.body).toEqual({ data: { _entities: [null] } });
  });

  test('sees a dossier\'s fee status over their own payments only', async () => {
    const response = await postAs(CITIZEN, subgraph.url, entities('... on Dossier { feeStatus }'), references('Dossier', 'code', [STRANGER.dossierCode]));
    expect(response.body).toEqual({ data: { _entities: [{ feeStatus: 'UNPAID' }] } });
    const payer = await postAs(citizenCaller(STRANGER.payerId), subgraph.url, entities('... on Dossier { feeStatus }'), references('Dossier', 'code', [STRANGER.dossierCode]));
    expect(payer.body).toEqual({ data: { _entities: [{ feeStatus: 'PAID' }] }, extensions: accessed(STRANGER.payerId) });
  });

  test('pays as themself for their own dossier, and for someone else\'s exactly as for a missing one', async () => {
    const own = takeUnpaidDossier();
    const applicant = citizenCaller(own.applicantId);
    const response = await postAs(applicant, subgraph.url, INITIATE, { code: own.code, key: randomUUID() });
    expect(response.body).toEqual({
      data: { initiatePayment: { status: 'PENDING', payer: { personalId: own.applicantId }, province: { code: own.provinceCode } } },
      extensions: accessed(own.applicantId),
    });
    const before = await written();
    const stranger = takeUnpaidDossier((d) => d.applicantId !== own.applicantId).code;
    const other = await postAs(applicant, subgraph.url, INITIATE, { code: stranger, key: randomUUID() });
    const missing = await postAs(applicant, subgraph.url, INITIATE, { code: MISSING_DOSSIER, key: randomUUID() });
    expect(withoutKey(other, stranger)).toEqual(withoutKey(missing, MISSING_DOSSIER));
    expect(await written()).toEqual(before);
  });
});

describe('payments: payment statistics by jurisdiction', () => {
  const STATISTICS = entities('... on Province { code paymentStatistics(from: "2025-11-01", to: "2026-11-01") { transactions } }');

  test('a provincial analyst gets their province\'s, and FORBIDDEN for another, which is never summed', async () => {
    const analyst = officer('province-analyst', '46');
    const response = await postAs(analyst, subgraph.url, STATISTICS, references('Province', 'code', ['46', '01']));
    expect(response.body).toEqual({
      data: { _entities: [{ code: '46', paymentStatistics: { transactions: expect.any(Number) } }, { code: '01', paymentStatistics: null }] },
      errors: [fieldError('FORBIDDEN', 'Province 01 is outside your jurisdiction.', ['_entities', 1, 'paymentStatistics'])],
    });
    const before = subgraph.db.statements.count;
    await postAs(analyst, subgraph.url, STATISTICS, references('Province', 'code', ['01']));
    expect(subgraph.db.statements.count - before).toBe(0);
  });

  test('a ministry analyst gets every province\'s, the same figures the province gets', async () => {
    const ministry = await postAs(officer('ministry-analyst'), subgraph.url, STATISTICS, references('Province', 'code', ['46', '01']));
    const province = await postAs(officer('province-analyst', '46'), subgraph.url, STATISTICS, references('Province', 'code', ['46']));
    const transactions = (code: string) => PAYMENTS.filter((p) => p.provinceCode === code && p.status === 'PAID').length;
    expect(ministry.body).toEqual({
      data: { _entities: ['46', '01'].map((code) => ({ code, paymentStatistics: { transactions: transactions(code) } })) },
    });
    expect(province.body.data).toEqual({ _entities: [{ code: '46', paymentStatistics: { transactions: transactions('46') } }] });
  });
});
