import { encodeCursor } from '../../../lib/graphql/connection';
import { paymentsSubgraph } from '../../../subgraphs/payments';
import { postGraphQL, type GraphQLResponse } from '../../support/graphql-client';
import { errorCodes } from '../../support/response-checks';
import { useTestSubgraph } from '../../support/test-subgraph';
import { accessed } from '../../support/access-fixtures';
import { leaksInternals, OPTIONS, PAYMENT_FIELDS, paymentJson, PAYMENTS, PAYMENTS_IN_ORDER } from './synthetic';

const subgraph = useTestSubgraph(paymentsSubgraph, OPTIONS);

const PAYMENT = `query ($id: ID!) { payment(id: $id) { ${PAYMENT_FIELDS} } }`;
const PAGE = `query ($filter: PaymentFilter, $first: Int, $after: String) {
  payments(filter: $filter, first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
}`;

interface Page {
  payments: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Walks every page of a filtered list and returns the IDs in order. */
async function allIds(filter: Record<string, unknown>, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { body }: GraphQLResponse<Page> = await postGraphQL<Page>(subgraph.url, PAGE, { filter, first, after });
    expect(body.errors).toBeUndefined();
    const page: Page['payments'] = body.data!.payments;
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

describe('payment(id)', () => {
  it('returns a seeded payment with every field as the generator made it', async () => {
    const seeded = PAYMENTS.find((p) => p.status === 'REFUNDED')!;
    const { status, body } = await postGraphQL(subgraph.url, PAYMENT, { id: seeded.id });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { payment: paymentJson(seeded) }, extensions: accessed(seeded.payerId) });
  });

  it('accepts an upper-case UUID as the same payment', async () => {
    const seeded = PAYMENTS[0]!;
    const { body } = await postGraphQL(subgraph.url, `query ($id: ID!) { payment(id: $id) { id } }`, { id: seeded.id.toUpperCase() });
    expect(body).toEqual({ data: { payment: { id: seeded.id } }, extensions: accessed(seeded.payerId) });
  });

  it('answers null and NOT_FOUND for an unknown payment', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const { body } = await postGraphQL(subgraph.url, PAYMENT, { id });
    expect(body.data).toEqual({ payment: null });
    expect(body.errors).toEqual([
      { message: `No payment with key ${id}.`, locations: expect.any(Array), path: ['payment'], extensions: { code: 'NOT_FOUND' } },
    ]);
  });

  it('rejects a malformed ID with BAD_USER_INPUT and no SQL in the response', async () => {
    const { body } = await postGraphQL(subgraph.url, PAYMENT, { id: "1' OR '1'='1" });
    expect(body.data).toEqual({ payment: null });
    expect(errorCodes(body)).toEqual(['BAD_USER_INPUT']);
    expect(leaksInternals(body)).toBe(false);
  });
});

describe('payments(filter, first, after)', () => {
  it('lists the first page oldest first, with a cursor to continue', async () => {
    const { body } = await postGraphQL<Page>(subgraph.url, PAGE, { first: 3 });
    const expected = PAYMENTS_IN_ORDER.slice(0, 3);
    expect(body.data!.payments.edges.map((e) => e.node.id)).toEqual(expected.map((p) => p.id));
    expect(body.data!.payments.pageInfo).toEqual({ hasNextPage: true, endCursor: body.data!.payments.edges[2]!.cursor });
  });

  it('walks every page without skipping or repeating a payment', async () => {
    expect(await allIds({}, 100)).toEqual(PAYMENTS_IN_ORDER.map((p) => p.id));
  });

  it('walks every page of a province filter', async () => {
    const provinceCode = '01';
    const expected = PAYMENTS_IN_ORDER.filter((p) => p.provinceCode === provinceCode).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(7);
    expect(await allIds({ provinceCode }, 7)).toEqual(expected);
  });

  it('combines status, method, dossier and payer conditions', async () => {
    const failed = PAYMENTS_IN_ORDER.filter((p) => p.status === 'FAILED' && p.method === 'BANK_TRANSFER').map((p) => p.id);
    expect(failed.length).toBeGreaterThan(0);
    expect(await allIds({ status: 'FAILED', method: 'BANK_TRANSFER' }, 100)).toEqual(failed);

    const retried = PAYMENTS.find((p) => p.status === 'FAILED' && PAYMENTS.some((q) => q.dossierCode === p.dossierCode && q.status === 'PAID'))!;
    const ofDossier = PAYMENTS_IN_ORDER.filter((p) => p.dossierCode === retried.dossierCode).map((p) => p.id);
    expect(ofDossier).toHaveLength(2);
    expect(await allIds({ dossierCode: retried.dossierCode }, 20)).toEqual(ofDossier);

    const payerId = retried.payerId;
    const ofPayer = PAYMENTS_IN_ORDER.filter((p) => p.payerId === payerId && p.status === 'PAID').map((p) => p.id);
    expect(await allIds({ payerId, status: 'PAID' }, 20)).toEqual(ofPayer);
  });

  it('bounds amounts with minAmount and maxAmount, both included', async () => {
    const between = PAYMENTS_IN_ORDER.filter((p) => p.amount >= 70_000 && p.amount <= 150_000).map((p) => p.id);
    expect(between.length).toBeGreaterThan(0);
    expect(await allIds({ minAmount: 70_000, maxAmount: 150_000 }, 100)).toEqual(between);
  });

  it('returns an empty page when nothing matches', async () => {
    const { body } = await postGraphQL(subgraph.url, PAGE, { filter: { dossierCode: '01-DVC02-250101-999999' } });
    expect(body).toEqual({ data: { payments: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
  });

  it('rejects a cursor from another field and a forged position with INVALID_CURSOR', async () => {
    for (const after of ['not-a-cursor', encodeCursor('citizens', '001198000001'), encodeCursor('payments', 'yesterday|nobody')]) {
      const { body } = await postGraphQL(subgraph.url, PAGE, { after });
      expect(body.data).toEqual({ payments: null });
      expect(errorCodes(body)).toEqual(['INVALID_CURSOR']);
      expect(leaksInternals(body)).toBe(false);
    }
  });

  it('rejects page sizes outside 1..100 and malformed filter values with their codes', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ first: 0 }, 'BAD_USER_INPUT'],
      [{ first: 101 }, 'BAD_USER_INPUT'],
      [{ filter: { provinceCode: '99' } }, 'UNKNOWN_PROVINCE'],
      [{ filter: { payerId: '12345' } }, 'INVALID_PERSONAL_ID'],
      [{ filter: { minAmount: -1 } }, 'INVALID_AMOUNT'],
      [{ filter: { maxAmount: 1.5 } }, 'INVALID_AMOUNT'],
    ];
    for (const [variables, code] of cases) {
      const { body } = await postGraphQL(subgraph.url, PAGE, variables);
      expect(errorCodes(body)).toEqual([code]);
      expect(leaksInternals(body)).toBe(false);
    }
  });
});
