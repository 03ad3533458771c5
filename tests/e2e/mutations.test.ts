import type { GraphQLResponse } from '../support/graphql-client';
import { errorCodes, leaksInternals } from '../support/response-checks';
import { startTestGraph, type TestGraph } from '../support/test-graph';

let graph: TestGraph;
const query = <T = Record<string, unknown>>(source: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> =>
  graph.query<T>(source, variables);

/** A resident of Huế, and a dossier of a procedure that charges no fee. */
let APPLICANT: string;
let FEE_FREE_DOSSIER: string;

beforeAll(async () => {
  graph = await startTestGraph(1_000);
  APPLICANT = (await graph.subgraphs.residents!.db.pool.query("SELECT personal_id FROM citizens WHERE province_code = '46' ORDER BY personal_id LIMIT 1")).rows[0].personal_id;
  FEE_FREE_DOSSIER = (await graph.subgraphs['public-services']!.db.pool.query("SELECT code FROM dossiers WHERE procedure_code = 'DVC14' ORDER BY code LIMIT 1")).rows[0].code;
});
afterAll(() => graph.stop());

async function transition(code: string, action: string) {
  const { body } = await query<{ transitionDossier: { status: string } }>(
    'mutation ($code: ID!, $action: DossierAction!) { transitionDossier(code: $code, action: $action) { status } }',
    { code, action },
  );
  return body;
}

const FEE_VIEW = 'query ($code: ID!) { dossier(code: $code) { status feeStatus payments { id status amount } history { action toStatus } } }';

describe('A dossier from submission to a refunded fee, through the gateway', () => {
  it('follows the lifecycle, takes exactly one payment for many concurrent tries with one key, and refunds it once', async () => {
    const submitted = await query<{ submitDossier: { code: string; status: string; procedure: { fee: number } } }>(
      `mutation ($id: PersonalId!) { submitDossier(input: { procedureCode: "DVC09", applicantId: $id, provinceCode: "46", channel: ONLINE }) { code status procedure { fee } } }`,
      { id: APPLICANT },
    );
    const { code, status, procedure } = submitted.body.data!.submitDossier;
    expect({ status, procedure }).toEqual({ status: 'NEW', procedure: { fee: 200_000 } });
    expect(code).toMatch(/^46-DVC09-\d{6}-9\d{6}$/);

    for (const action of ['RECEIVE', 'START_PROCESSING', 'REQUEST_PAYMENT']) expect((await transition(code, action)).errors).toBeUndefined();
    expect(await transition(code, 'RETURN_RESULT')).toEqual({
      data: { transitionDossier: null },
      errors: [expect.objectContaining({ path: ['transitionDossier'], extensions: expect.objectContaining({ code: 'INVALID_TRANSITION' }) })],
    });

    const INITIATE = 'mutation ($code: ID!, $key: String!) { initiatePayment(dossierCode: $code, method: E_WALLET, idempotencyKey: $key) { id amount status } }';
    let paymentsCalls = 0;
    const countCall = () => (paymentsCalls += 1);
    graph.subgraphs.payments!.server.server.on('request', countCall);
    const tries = await Promise.all(Array.from({ length: 20 }, () => query<{ initiatePayment: { id: string; amount: number; status: string } }>(INITIATE, { code, key: `pay-${code}` })));
    graph.subgraphs.payments!.server.server.off('request', countCall);
    // Mutations are never shared in flight: all 20 reached the subgraph, which made them one payment.
    expect(paymentsCalls).toBe(20);
    const ids = new Set(tries.map((t) => t.body.data?.initiatePayment.id));
    expect(ids.size).toBe(1);
    const paymentId = [...ids][0]!;
    expect(tries[0]!.body.data!.initiatePayment).toEqual({ id: paymentId, amount: 200_000, status: 'PENDING' });

    const reused = await query(
      'mutation ($code: ID!, $key: String!) { initiatePayment(dossierCode: $code, method: CARD, idempotencyKey: $key) { id } }',
      { code, key: `pay-${code}` },
    );
    expect(errorCodes(reused.body)).toEqual(['IDEMPOTENCY_KEY_REUSED']);

    const settled = await query('mutation ($id: ID!) { settlePayment(id: $id, succeeded: true, transactionRef: "MOMO-1") { status } }', { id: paymentId });
    expect(settled.body).toEqual({ data: { settlePayment: { status: 'PAID' } } });
    for (const action of ['CONFIRM_PAYMENT', 'COMPLETE', 'RETURN_RESULT']) expect((await transition(code, action)).errors).toBeUndefined();

    expect((await query(FEE_VIEW, { code })).body).toEqual({
      data: {
        dossier: {
          status: 'RESULT_RETURNED',
          feeStatus: 'PAID',
          payments: [{ id: paymentId, status: 'PAID', amount: 200_000 }],
          history: ['SUBMIT', 'RECEIVE', 'START_PROCESSING', 'REQUEST_PAYMENT', 'CONFIRM_PAYMENT', 'COMPLETE', 'RETURN_RESULT'].map((action, i) => ({
            action,
            toStatus: ['NEW', 'RECEIVED', 'PROCESSING', 'PAYMENT_REQUESTED', 'PROCESSING', 'COMPLETED', 'RESULT_RETURNED'][i],
          })),
        },
      },
    });

    const REFUND = 'mutation ($id: ID!) { refundPayment(id: $id, reason: "Phí thu trùng") { status } }';
    expect((await query(REFUND, { id: paymentId })).body).toEqual({ data: { refundPayment: { status: 'REFUNDED' } } });
    expect(errorCodes((await query(REFUND, { id: paymentId })).body)).toEqual(['INVALID_PAYMENT_STATE']);
    expect((await query<{ dossier: { feeStatus: string } }>(FEE_VIEW, { code })).body.data!.dossier.feeStatus).toBe('REFUNDED');
  });
});

describe('Bad input through the gateway', () => {
  // <applicant> and <fee-free dossier> are read from the seeded databases when the test runs.
  it.each([
    ['a malformed personal ID as a variable', 'query ($id: PersonalId!) { citizen(personalId: $id) { fullName } }', { id: '12345' }, 'INVALID_PERSONAL_ID'],
    ['a personal ID with an unknown province prefix', '{ citizen(personalId: "999198000001") { fullName } }', {}, 'INVALID_PERSONAL_ID'],
    ['an unknown province', '{ province(code: "99") { name } }', {}, 'UNKNOWN_PROVINCE'],
    ['an unknown procedure', `mutation { submitDossier(input: { procedureCode: "DVC99", applicantId: "<applicant>", provinceCode: "01", channel: ONLINE }) { code } }`, {}, 'UNKNOWN_PROCEDURE'],
    ['an unknown dossier', '{ dossier(code: "01-DVC02-250101-000001") { status } }', {}, 'NOT_FOUND'],
    ['a transition of an unknown dossier', 'mutation { transitionDossier(code: "01-DVC02-250101-999999", action: RECEIVE) { status } }', {}, 'NOT_FOUND'],
    ['a negative amount', 'query ($min: VND) { payments(filter: { minAmount: $min }) { edges { cursor } } }', { min: -5 }, 'INVALID_AMOUNT'],
    ['a non-integer amount', '{ payments(filter: { maxAmount: 10.5 }) { edges { cursor } } }', {}, 'INVALID_AMOUNT'],
    ['a fee-free procedure to pay', 'mutation { initiatePayment(dossierCode: "<fee-free dossier>", method: CARD, idempotencyKey: "k-free") { id } }', {}, 'FEE_NOT_APPLICABLE'],
    ['a malformed dossier code to pay', 'mutation { initiatePayment(dossierCode: "nope", method: CARD, idempotencyKey: "k-bad") { id } }', {}, 'BAD_USER_INPUT'],
    ['an unknown field', '{ citizen(personalId: "001198000001") { salary } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['a syntax error', '{ citizen(personalId: ', {}, 'GRAPHQL_PARSE_FAILED'],
  ])('answers %s with a clear code, its path when there is data, and nothing internal', async (_case, source, variables, code) => {
    const { body } = await query(source.replace('<applicant>', APPLICANT).replace('<fee-free dossier>', FEE_FREE_DOSSIER), variables);
    expect(errorCodes(body)).toEqual([code]);
    expect(body.data ? body.errors!.filter((error) => !error.path) : []).toEqual([]);
    expect(body.errors![0]!.message.length).toBeGreaterThan(10);
    expect(leaksInternals(body)).toBe(false);
  });
});
