import { PAYMENT_METHODS, PROVINCES } from '../../../lib/domain';
import { resolveSeries } from '../../../lib/graphql/series';
import { paymentsSubgraph } from '../../../subgraphs/payments';
import type { ProvincePaymentStatistics } from '../../../subgraphs/payments/rules/payment-statistics';
import { fieldError, officer } from '../../support/access-fixtures';
import { postAs, postGraphQL } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { PAYMENTS } from './synthetic';

const subgraph = useTestSubgraph(paymentsSubgraph);

const SERIES = `query ($representations: [_Any!]!, $from: Date, $to: Date, $granularity: SeriesGranularity!) {
  _entities(representations: $representations) { ... on Province { code
    paymentSeries(from: $from, to: $to, granularity: $granularity) { from to transactions amountPaid byMethod { method transactions amountPaid } }
  } }
}`;

const provinces = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Province', code }));
const paidIn = (from: string, to: string) => (p: (typeof PAYMENTS)[number]) =>
  p.status === 'PAID' && p.paidAt! >= new Date(`${from}T00:00:00+07:00`) && p.paidAt! < new Date(Date.parse(`${to}T00:00:00+07:00`) + 86_400_000);

/** A province's points restated from the synthetic payments: paid ones, by the Vietnam day they were confirmed. */
function expectedSeries(code: string, from: string, to: string): ProvincePaymentStatistics[] {
  return resolveSeries({ from, to }).buckets.map((bucket) => {
    const paid = PAYMENTS.filter((p) => p.provinceCode === code).filter(paidIn(bucket.from, bucket.to));
    const byMethod = PAYMENT_METHODS.map((method) => {
      const own = paid.filter((p) => p.method === method);
      return { method, transactions: own.length, amountPaid: own.reduce((n, p) => n + p.amount, 0) };
    });
    return { from: bucket.from, to: bucket.to, transactions: paid.length, amountPaid: paid.reduce((n, p) => n + p.amount, 0), byMethod };
  });
}

describe('Province payment series', () => {
  test('give every province its paid fees month by month, by method, in one statement', async () => {
    const before = subgraph.db.statements.count;
    const response = await postGraphQL<{ _entities: { code: string; paymentSeries: ProvincePaymentStatistics[] }[] }>(subgraph.url, SERIES, {
      representations: provinces(PROVINCES.map((p) => p.code)),
      from: '2025-11-01',
      to: '2026-11-01',
      granularity: 'MONTH',
    });
    expect(subgraph.db.statements.count - before).toBe(1);
    expect(response.body.data!._entities).toEqual(PROVINCES.map(({ code }) => ({ code, paymentSeries: expectedSeries(code, '2025-11-01', '2026-11-01') })));
    expect(response.body.data!._entities.find((p) => p.code === '79')!.paymentSeries.filter((point) => point.transactions > 0).length).toBeGreaterThan(6);
  });

  test('refuse another province to a province analyst with FORBIDDEN', async () => {
    const response = await postAs(officer('province-analyst', '46'), subgraph.url, SERIES, { representations: provinces(['01']), granularity: 'MONTH' });
    expect(response.body).toEqual({
      data: { _entities: [{ code: '01', paymentSeries: null }] },
      errors: [fieldError('FORBIDDEN', 'Province 01 is outside your jurisdiction.', ['_entities', 0, 'paymentSeries'])],
    });
  });
});
