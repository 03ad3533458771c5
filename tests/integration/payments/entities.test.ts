import { ESSENTIAL_PROCEDURES, PAYMENT_METHODS } from '../../../lib/domain';
import { resolvePeriod } from '../../../lib/graphql/period';
import { paymentsSubgraph } from '../../../subgraphs/payments';
import { postGraphQL } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { DOSSIERS, leaksInternals, OPTIONS, PAYMENT_FIELDS, paymentJson, PAYMENTS } from './synthetic';

const subgraph = useTestSubgraph(paymentsSubgraph, OPTIONS);

const ENTITIES = (selection: string) => `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;

/** Runs an `_entities` query and returns its entities with the number of SQL statements it cost. */
async function entities(selection: string, representations: Record<string, unknown>[]) {
  const before = subgraph.db.statements.count;
  const { body } = await postGraphQL<{ _entities: unknown[] }>(subgraph.url, ENTITIES(selection), { representations });
  expect(body.errors).toBeUndefined();
  expect(leaksInternals(body)).toBe(false);
  return { result: body.data!._entities, statements: subgraph.db.statements.count - before };
}

const paymentsOf = (code: string) => PAYMENTS.filter((p) => p.dossierCode === code);

describe('Payment references', () => {
  it('resolves 30 payments in one statement and unknown or malformed IDs to null', async () => {
    const sample = PAYMENTS.slice(0, 30);
    const { result, statements } = await entities(`... on Payment { ${PAYMENT_FIELDS} }`, [
      ...sample.map((p) => ({ __typename: 'Payment', id: p.id })),
      { __typename: 'Payment', id: '00000000-0000-4000-8000-000000000000' },
      { __typename: 'Payment', id: 'not-a-uuid' },
    ]);
    expect(result).toEqual([...sample.map(paymentJson), null, null]);
    expect(statements).toBe(1);
  });
});

describe('Dossier.payments and Dossier.feeStatus', () => {
  it('lists the payments of 30 dossiers in one statement, oldest first', async () => {
    const codes = [...new Set(PAYMENTS.map((p) => p.dossierCode))].slice(0, 29);
    const free = DOSSIERS.find((d) => d.fee === 0)!.code;
    const { result, statements } = await entities('... on Dossier { code payments { id status } }', [...codes, free].map((code) => ({ __typename: 'Dossier', code })));
    expect(result).toEqual(
      [...codes, free].map((code) => ({
        code,
        payments: paymentsOf(code)
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
          .map((p) => ({ id: p.id, status: p.status })),
      })),
    );
    expect(statements).toBe(1);
  });

  // The seed holds no open attempt (PENDING, or FAILED alone): mutations.test.ts covers those.
  it('gives the fee status of seeded dossiers in every seeded situation with two statements for the batch', async () => {
    const withStatuses = (statuses: string) => DOSSIERS.find((d) => paymentsOf(d.code).map((p) => p.status).join() === statuses)!;
    const cases = [
      [DOSSIERS.find((d) => d.fee === 0)!, 'NOT_APPLICABLE'],
      [DOSSIERS.find((d) => d.fee > 0 && paymentsOf(d.code).length === 0)!, 'UNPAID'],
      [withStatuses('PAID'), 'PAID'],
      [withStatuses('FAILED,PAID'), 'PAID'],
      [withStatuses('REFUNDED'), 'REFUNDED'],
      [withStatuses('CANCELLED'), 'UNPAID'],
    ] as const;
    const { result, statements } = await entities(
      '... on Dossier { code feeStatus }',
      cases.map(([d]) => ({ __typename: 'Dossier', code: d.code })),
    );
    expect(result).toEqual(cases.map(([d, feeStatus]) => ({ code: d.code, feeStatus })));
    expect(statements).toBe(2);
  });

  it('resolves a reference whose code cannot be a dossier to null', async () => {
    const { result, statements } = await entities('... on Dossier { code feeStatus }', [{ __typename: 'Dossier', code: 'XX-1' }]);
    expect(result).toEqual([null]);
    expect(statements).toBe(0);
  });
});

describe('Citizen.payments', () => {
  it("lists each citizen's newest payments first, up to `first`, in one statement", async () => {
    const payers = [...new Set(PAYMENTS.map((p) => p.payerId))].slice(0, 30);
    const newest = (id: string, first: number) =>
      PAYMENTS.filter((p) => p.payerId === id)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
        .slice(0, first)
        .map((p) => ({ id: p.id }));
    const { result, statements } = await entities(
      '... on Citizen { personalId payments(first: 1) { id } }',
      payers.map((personalId) => ({ __typename: 'Citizen', personalId })),
    );
    expect(result).toEqual(payers.map((personalId) => ({ personalId, payments: newest(personalId, 1) })));
    expect(statements).toBe(1);

    const busiest = payers.reduce((a, b) => (newest(b, 100).length > newest(a, 100).length ? b : a));
    const all = await entities('... on Citizen { payments { id } }', [{ __typename: 'Citizen', personalId: busiest }]);
    expect(all.result).toEqual([{ payments: newest(busiest, 100) }]);
  });
});

describe('Province.paymentStatistics', () => {
  const period = { from: '2026-01-01', to: '2026-06-30' };
  const { start, end } = resolvePeriod(period.from, period.to);
  const expected = (code: string) => {
    const paid = PAYMENTS.filter((p) => p.provinceCode === code && p.status === 'PAID' && p.paidAt! >= start && p.paidAt! < end);
    const byMethod = PAYMENT_METHODS.map((method) => {
      const of = paid.filter((p) => p.method === method);
      return { method, transactions: of.length, amountPaid: of.reduce((sum, p) => sum + p.amount, 0) };
    });
    return { ...period, transactions: paid.length, amountPaid: paid.reduce((sum, p) => sum + p.amount, 0), byMethod };
  };

  it('sums the paid fees of many provinces over a period in one statement, by method and in total', async () => {
    const codes = ['01', '79', '46', '24', '96'];
    const { result, statements } = await entities(
      `... on Province { code paymentStatistics(from: "${period.from}", to: "${period.to}") { from to transactions amountPaid byMethod { method transactions amountPaid } } }`,
      codes.map((code) => ({ __typename: 'Province', code })),
    );
    expect(result).toEqual(codes.map((code) => ({ code, paymentStatistics: expected(code) })));
    expect(statements).toBe(1);
    for (const { paymentStatistics: s } of result as { paymentStatistics: ReturnType<typeof expected> }[]) {
      expect(s.byMethod.reduce((sum, m) => sum + m.transactions, 0)).toBe(s.transactions);
      expect(s.byMethod.reduce((sum, m) => sum + m.amountPaid, 0)).toBe(s.amountPaid);
    }
    expect(expected('01').transactions).toBeGreaterThan(0);
  });

  it('rejects a period that ends before it starts with BAD_USER_INPUT', async () => {
    const { body } = await postGraphQL(subgraph.url, ENTITIES('... on Province { paymentStatistics(from: "2026-02-01", to: "2026-01-01") { transactions } }'), {
      representations: [{ __typename: 'Province', code: '01' }],
    });
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('Procedure.fee', () => {
  it('gives the fee of every procedure from the fee schedule in one statement', async () => {
    const { result, statements } = await entities(
      '... on Procedure { code fee }',
      [...ESSENTIAL_PROCEDURES.map((p) => ({ __typename: 'Procedure', code: p.code })), { __typename: 'Procedure', code: 'DVC99' }],
    );
    expect(result).toEqual([...ESSENTIAL_PROCEDURES.map((p) => ({ code: p.code, fee: p.fee })), null]);
    expect(statements).toBe(1);
  });
});
