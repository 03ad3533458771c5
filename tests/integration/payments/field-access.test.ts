import { ESSENTIAL_PROCEDURES } from '../../../lib/domain';
import { paymentsSubgraph } from '../../../subgraphs/payments';
import { postAs } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { accessed, citizenCaller, missingScope, officer, purposeRequired } from '../../support/access-fixtures';
import { OPTIONS, PAYMENTS } from './synthetic';

const subgraph = useTestSubgraph(paymentsSubgraph, OPTIONS);
const payment = PAYMENTS.find((p) => p.provinceCode === '46' && p.status === 'PAID')!;

/** Callers who each lack what one group of fields needs. */
const ANALYST = officer('ministry-analyst');
const DOSSIERS_ONLY = officer('province-officer', undefined, { scopes: ['dossiers:read'] });
const NO_SCOPES = officer('auditor', undefined, { scopes: [] });
const WITHOUT_PURPOSE = officer('payments-officer', '46', { purpose: null });
const CITIZEN = citizenCaller(payment.payerId);

const entities = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const reference = (__typename: string, key: Record<string, string>) => ({ r: [{ __typename, ...key }] });
const PAYMENT = 'query ($id: ID!) { __typename payment(id: $id) { id } }';
const INITIATE = 'mutation ($code: ID!) { initiatePayment(dossierCode: $code, method: CARD, idempotencyKey: "field-access") { id } }';

/** Every payment as it stands: anything a mutation could have written. */
async function written(): Promise<unknown> {
  const { rows } = await subgraph.db.pool.query(`SELECT md5(string_agg(p::text, '|' ORDER BY id)) AS payments FROM payments p`);
  return rows[0];
}

describe('payments: a caller without the scope a field needs', () => {
  test('gets the payment look-up null with UNAUTHORIZED_FIELD_OR_TYPE, and the rest of the answer', async () => {
    const response = await postAs(ANALYST, subgraph.url, PAYMENT, { id: payment.id });
    expect(response).toEqual({
      status: 200,
      body: { data: { __typename: 'Query', payment: null }, errors: [missingScope('Query.payment', 'payments:read', ['payment'])] },
    });
  });

  test('gets the payment list null, and the rest of the answer', async () => {
    const response = await postAs(ANALYST, subgraph.url, '{ __typename payments(first: 1) { edges { node { id } } } }');
    expect(response.body).toEqual({ data: { __typename: 'Query', payments: null }, errors: [missingScope('Query.payments', 'payments:read', ['payments'])] });
  });

  test('gets no payment by reference: every field of a payment needs payments:read', async () => {
    const response = await postAs(DOSSIERS_ONLY, subgraph.url, entities('... on Payment { id }'), reference('Payment', { id: payment.id }));
    expect(response.body).toEqual({ data: { _entities: [{ id: null }] }, errors: [missingScope('Payment.id', 'payments:read', ['_entities', 0, 'id'])] });
  });

  test.each([
    ['dossier\'s fee status', 'Dossier', { code: payment.dossierCode }, 'feeStatus'],
    ['dossier\'s payments', 'Dossier', { code: payment.dossierCode }, 'payments { id }'],
    ['citizen\'s payments', 'Citizen', { personalId: payment.payerId }, 'payments { id }'],
  ])('gets no %s, though a dossier reader: that field alone is null', async (_what, typename, key, selection) => {
    const response = await postAs(DOSSIERS_ONLY, subgraph.url, entities(`... on ${typename} { ${selection} }`), reference(typename, key));
    const field = selection.split(' ')[0]!;
    expect(response.body).toEqual({ data: { _entities: [{ [field]: null }] }, errors: [missingScope(`${typename}.${field}`, 'payments:read', ['_entities', 0, field])] });
  });

  test('reads a dossier\'s code as a dossier reader, and reports no one: payments knows no applicant', async () => {
    const response = await postAs(DOSSIERS_ONLY, subgraph.url, entities('... on Dossier { code }'), reference('Dossier', { code: payment.dossierCode }));
    expect(response.body).toEqual({ data: { _entities: [{ code: payment.dossierCode }] } });
  });

  test('gets a province\'s payment statistics null, and its code', async () => {
    const response = await postAs(DOSSIERS_ONLY, subgraph.url, entities('... on Province { code paymentStatistics { transactions } }'), reference('Province', { code: '46' }));
    expect(response.body).toEqual({
      data: { _entities: [{ code: '46', paymentStatistics: null }] },
      errors: [missingScope('Province.paymentStatistics', 'payments:aggregate', ['_entities', 0, 'paymentStatistics'])],
    });
  });

  test('initiates nothing without payments:write or payments:initiate', async () => {
    const before = await written();
    const response = await postAs(ANALYST, subgraph.url, INITIATE, { code: '46-DVC02-261101-900100' });
    expect(response.body).toEqual({ data: { initiatePayment: null }, errors: [missingScope('Mutation.initiatePayment', 'payments:write or payments:initiate', ['initiatePayment'])] });
    expect(await written()).toEqual(before);
  });

  test.each([
    ['settlePayment', 'mutation ($id: ID!) { settlePayment(id: $id, succeeded: false) { id } }'],
    ['refundPayment', 'mutation ($id: ID!) { refundPayment(id: $id) { id } }'],
  ])('%s changes nothing without payments:write, even a citizen\'s own payment', async (name, mutation) => {
    const before = await written();
    const response = await postAs(CITIZEN, subgraph.url, mutation, { id: payment.id });
    expect(response.body).toEqual({ data: { [name]: null }, errors: [missingScope(`Mutation.${name}`, 'payments:write', [name])] });
    expect(await written()).toEqual(before);
  });
});

describe('payments: fees', () => {
  test('are reference data any verified caller reads, whatever their scopes, and no one\'s personal data', async () => {
    const response = await postAs(NO_SCOPES, subgraph.url, entities('... on Procedure { code fee }'), { r: ESSENTIAL_PROCEDURES.map(({ code }) => ({ __typename: 'Procedure', code })) });
    expect(response.body).toEqual({ data: { _entities: ESSENTIAL_PROCEDURES.map(({ code, fee }) => ({ code, fee })) } });
  });
});

describe('payments: a caller without a stated purpose', () => {
  test('gets a payment null with PURPOSE_REQUIRED, and the rest of the answer', async () => {
    const response = await postAs(WITHOUT_PURPOSE, subgraph.url, PAYMENT, { id: payment.id });
    expect(response.body).toEqual({ data: { __typename: 'Query', payment: null }, errors: [purposeRequired('Query.payment', ['payment'])] });
  });

  test('gets no dossier\'s fee status by reference', async () => {
    const response = await postAs(WITHOUT_PURPOSE, subgraph.url, entities('... on Dossier { feeStatus }'), reference('Dossier', { code: payment.dossierCode }));
    expect(response.body).toEqual({ data: { _entities: [{ feeStatus: null }] }, errors: [purposeRequired('Dossier.feeStatus', ['_entities', 0, 'feeStatus'])] });
  });

  test('still gets aggregates, which are no one\'s personal data', async () => {
    const response = await postAs(WITHOUT_PURPOSE, subgraph.url, entities('... on Province { paymentStatistics(from: "2020-01-01", to: "2020-01-31") { transactions } }'), reference('Province', { code: '46' }));
    expect(response.body).toEqual({ data: { _entities: [{ paymentStatistics: { transactions: 0 } }] } });
  });
});

describe('payments: the right caller', () => {
  test('reads a payment, and is reported as having read its payer\'s data', async () => {
    const response = await postAs(officer('payments-officer', '46'), subgraph.url, 'query ($id: ID!) { payment(id: $id) { id amount payer { personalId } } }', { id: payment.id });
    expect(response.body).toEqual({
      data: { payment: { id: payment.id, amount: payment.amount, payer: { personalId: payment.payerId } } },
      extensions: accessed(payment.payerId),
    });
  });
});
