import { PROVINCES } from '../../../lib/domain';
import { resolveSeries, SeriesGranularity } from '../../../lib/graphql/series';
import { civilServantsSubgraph } from '../../../subgraphs/civil-servants';
import type { StaffingPoint } from '../../../subgraphs/civil-servants/types/staffing-point.type';
import { fieldError, officer } from '../../support/access-fixtures';
import { postAs, postGraphQL } from '../../support/graphql-client';
import { testSeed, useTestSubgraph } from '../../support/test-subgraph';
import { expectedCivilServants } from './synthetic';

const subgraph = useTestSubgraph(civilServantsSubgraph);
const servants = expectedCivilServants(testSeed());

const SERIES = `query ($representations: [_Any!]!, $from: Date, $to: Date, $granularity: SeriesGranularity!) {
  _entities(representations: $representations) { ... on Province { code staffingSeries(from: $from, to: $to, granularity: $granularity) { from to civilServants joined } } }
}`;

const provinces = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Province', code }));

const expectedSeries = (code: string, from: string, to: string): StaffingPoint[] => {
  const own = servants.filter((s) => s.person.provinceCode === code).map((s) => s.details.startDate);
  return resolveSeries({ from, to, granularity: SeriesGranularity.YEAR }).buckets.map((b) => ({
    from: b.from,
    to: b.to,
    civilServants: own.filter((start) => start <= b.to).length,
    joined: own.filter((start) => start >= b.from && start <= b.to).length,
  }));
};

describe('Province staffing series', () => {
  test("count today's servants of every province who had started by the end of each year, and who joined in it, in one statement", async () => {
    const before = subgraph.db.statements.count;
    const response = await postGraphQL<{ _entities: { code: string; staffingSeries: StaffingPoint[] }[] }>(subgraph.url, SERIES, {
      representations: provinces(PROVINCES.map((p) => p.code)),
      from: '2021-11-02',
      to: '2026-11-01',
      granularity: 'YEAR',
    });
    expect(subgraph.db.statements.count - before).toBe(1);
    expect(response.body.data!._entities).toEqual(PROVINCES.map(({ code }) => ({ code, staffingSeries: expectedSeries(code, '2021-11-02', '2026-11-01') })));
    expect(response.body.data!._entities.some((p) => p.staffingSeries.some((point) => point.joined > 0))).toBe(true);
  });

  test('refuse another province to a province analyst with FORBIDDEN', async () => {
    const response = await postAs(officer('province-analyst', '46'), subgraph.url, SERIES, { representations: provinces(['01']), granularity: 'MONTH' });
    expect(response.body).toEqual({
      data: { _entities: [{ code: '01', staffingSeries: null }] },
      errors: [fieldError('FORBIDDEN', 'Province 01 is outside your jurisdiction.', ['_entities', 0, 'staffingSeries'])],
    });
  });
});
