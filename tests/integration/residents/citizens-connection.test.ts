import { encodeCursor } from '../../../lib/graphql/connection';
import { residentsSubgraph } from '../../../subgraphs/residents';
import { postGraphQL, type GraphQLResponse } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { sortedIds, syntheticPopulation } from './synthetic-population';

const population = syntheticPopulation();

const CITIZENS = `
  query Citizens($filter: CitizenFilter, $first: Int, $after: String) {
    citizens(filter: $filter, first: $first, after: $after) {
      edges { cursor node { personalId } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface Page {
  citizens: { edges: { cursor: string; node: { personalId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const birthYear = (birthDate: string) => Number(birthDate.slice(0, 4));

describe('residents: citizens connection', () => {
  const subgraph = useTestSubgraph(residentsSubgraph);

  /** Follows endCursor until the last page, returning every personal ID seen, in order. */
  async function walk(filter: Record<string, unknown> | null, first: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages += 1) {
      const response: GraphQLResponse<Page> = await postGraphQL<Page>(subgraph.url, CITIZENS, { filter, first, after });
      expect(response.body.errors).toBeUndefined();
      const { edges, pageInfo } = response.body.data!.citizens;
      expect(edges.length).toBeLessThanOrEqual(first);
      ids.push(...edges.map((e) => e.node.personalId));
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      if (!pageInfo.hasNextPage) return { ids, pages };
      expect(edges).toHaveLength(first);
      after = pageInfo.endCursor;
    }
  }

  it('lists 20 citizens in personal-ID order by default', async () => {
    const response = await postGraphQL<Page>(subgraph.url, CITIZENS);
    const { edges, pageInfo } = response.body.data!.citizens;
    expect(edges.map((e) => e.node.personalId)).toEqual(sortedIds(population.citizens).slice(0, 20));
    expect(pageInfo).toEqual({ hasNextPage: true, endCursor: edges[19]!.cursor });
  });

  it('walks every citizen page by page, without duplicates or gaps', async () => {
    const { ids, pages } = await walk(null, 100);
    expect(ids).toEqual(sortedIds(population.citizens));
    expect(pages).toBe(20);
  });

  it('filters by province of residence', async () => {
    const expected = sortedIds(population.citizens.filter((c) => c.provinceCode === '79'));
    expect(expected.length).toBeGreaterThan(50);
    const { ids, pages } = await walk({ provinceCode: '79' }, 50);
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 50));
  });

  it('filters by birth years, both ends included', async () => {
    const expected = sortedIds(population.citizens.filter((c) => birthYear(c.birthDate) >= 1980 && birthYear(c.birthDate) <= 1985));
    const { ids } = await walk({ birthYearFrom: 1980, birthYearTo: 1985 }, 100);
    expect(ids).toEqual(expected);
    const single = await walk({ birthYearFrom: 1990, birthYearTo: 1990 }, 100);
    expect(single.ids).toEqual(sortedIds(population.citizens.filter((c) => birthYear(c.birthDate) === 1990)));
  });

  it('filters by a case-insensitive prefix of the full name, Vietnamese letters included', async () => {
    const matches = (prefix: string) => sortedIds(population.citizens.filter((c) => c.fullName.toLowerCase().startsWith(prefix)));
    expect(matches('nguyễn thị').length).toBeGreaterThan(0);
    expect((await walk({ namePrefix: 'NGUYỄN THỊ' }, 100)).ids).toEqual(matches('nguyễn thị'));
    expect((await walk({ namePrefix: 'đặng' }, 100)).ids).toEqual(matches('đặng'));
  });

  it('treats LIKE wildcards in the name prefix as plain characters', async () => {
    expect((await walk({ namePrefix: '%' }, 100)).ids).toEqual([]);
    expect((await walk({ namePrefix: '_guyễn' }, 100)).ids).toEqual([]);
  });

  it('combines every filter', async () => {
    const filter = { provinceCode: '01', birthYearFrom: 1960, birthYearTo: 2000, namePrefix: 'n' };
    const expected = sortedIds(
      population.citizens.filter(
        (c) => c.provinceCode === '01' && birthYear(c.birthDate) >= 1960 && birthYear(c.birthDate) <= 2000 && c.fullName.startsWith('N'),
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect((await walk(filter, 7)).ids).toEqual(expected);
  });

  it('answers an empty page for a filter nobody matches', async () => {
    const response = await postGraphQL<Page>(subgraph.url, CITIZENS, { filter: { birthYearFrom: 2300 } });
    expect(response.body).toEqual({ data: { citizens: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['issued by another field', encodeCursor('dossiers', '001198000001')],
  ])('rejects a cursor that is %s with INVALID_CURSOR', async (_reason, after) => {
    const response = await postGraphQL(subgraph.url, CITIZENS, { after });
    expect(response.body).toEqual({
      data: { citizens: null },
      errors: [expect.objectContaining({ path: ['citizens'], extensions: { code: 'INVALID_CURSOR' } })],
    });
  });

  it.each([0, 101, -1])('rejects first: %d with BAD_USER_INPUT', async (first) => {
    const response = await postGraphQL(subgraph.url, CITIZENS, { first });
    expect(response.body).toEqual({
      data: { citizens: null },
      errors: [expect.objectContaining({ message: 'first must be between 1 and 100.', extensions: { code: 'BAD_USER_INPUT', argument: 'first' } })],
    });
  });

  it.each([
    ['birthYearFrom after birthYearTo', { birthYearFrom: 1990, birthYearTo: 1980 }, 'filter.birthYearFrom'],
    ['a birth year no personal ID can encode', { birthYearFrom: 1850 }, 'filter.birthYearFrom'],
    ['an empty name prefix', { namePrefix: '' }, 'filter.namePrefix'],
    ['a name prefix over 50 characters', { namePrefix: 'a'.repeat(51) }, 'filter.namePrefix'],
  ])('rejects %s with BAD_USER_INPUT', async (_reason, filter, argument) => {
    const response = await postGraphQL(subgraph.url, CITIZENS, { filter });
    expect(response.body).toEqual({
      data: { citizens: null },
      errors: [expect.objectContaining({ path: ['citizens'], extensions: { code: 'BAD_USER_INPUT', argument } })],
    });
  });

  it('rejects an unknown province code in the filter with UNKNOWN_PROVINCE', async () => {
    const response = await postGraphQL(subgraph.url, CITIZENS, { filter: { provinceCode: '99' } });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNKNOWN_PROVINCE' } })]);
  });
});
