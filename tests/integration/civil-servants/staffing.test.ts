import { PROVINCES } from '../../../lib/domain';
import { communesOf } from '../../../lib/synthetic';
import { civilServantsSubgraph } from '../../../subgraphs/civil-servants';
import { postGraphQL } from '../../support/graphql-client';
import { testSeed, useTestSubgraph } from '../../support/test-subgraph';
import { expectedCivilServants } from './synthetic';

const options = testSeed();
const expected = expectedCivilServants(options);
const subgraph = useTestSubgraph(civilServantsSubgraph, options);

interface Level {
  level: string;
  agencies: number;
  civilServants: number;
}
interface Staffing {
  code: string;
  staffing: { civilServants: number; agencies: number; byLevel: Level[] };
}

const STAFFING = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on Province { code staffing { civilServants agencies byLevel { level agencies civilServants } } } }
}`;

const provinces = (codes: string[]) => codes.map((code) => ({ __typename: 'Province', code }));

describe('civil-servants: Province.staffing', () => {
  test('adds up for all 34 provinces, fetched in one statement', async () => {
    const before = subgraph.db.statements.count;
    const response = await postGraphQL<{ _entities: Staffing[] }>(subgraph.url, STAFFING, { r: provinces(PROVINCES.map((p) => p.code)) });
    expect(subgraph.db.statements.count - before).toBe(1);
    const all = response.body.data!._entities;
    expect(all.map((p) => p.code)).toEqual(PROVINCES.map((p) => p.code));
    for (const { code, staffing } of all) {
      const ministries = code === '01' ? 7 : 0;
      expect(staffing.byLevel.map((l) => l.level)).toEqual(['CENTRAL', 'PROVINCE', 'COMMUNE']);
      expect(staffing.byLevel.map((l) => l.agencies)).toEqual([ministries, 9, communesOf(code).length]);
      expect(staffing.agencies).toBe(ministries + 9 + communesOf(code).length);
      expect(staffing.byLevel.reduce((sum, l) => sum + l.agencies, 0)).toBe(staffing.agencies);
      expect(staffing.byLevel.reduce((sum, l) => sum + l.civilServants, 0)).toBe(staffing.civilServants);
      expect(staffing.civilServants).toBe(expected.filter((s) => s.person.provinceCode === code).length);
    }
    expect(all.reduce((sum, p) => sum + p.staffing.civilServants, 0)).toBe(expected.length);
  });

  test('gives Hà Nội\'s whole staffing, ministries included', async () => {
    const inHanoi = expected.filter((s) => s.person.provinceCode === '01');
    const onLevel = (prefix: (code: string) => boolean) => inHanoi.filter((s) => prefix(s.person.agencyCode)).length;
    const response = await postGraphQL(subgraph.url, STAFFING, { r: provinces(['01']) });
    expect(response.body).toEqual({
      data: {
        _entities: [
          {
            code: '01',
            staffing: {
              civilServants: inHanoi.length,
              agencies: 7 + 9 + communesOf('01').length,
              byLevel: [
                { level: 'CENTRAL', agencies: 7, civilServants: onLevel((c) => !c.includes('.') && !c.startsWith('X')) },
                { level: 'PROVINCE', agencies: 9, civilServants: onLevel((c) => c.startsWith('01.')) },
                { level: 'COMMUNE', agencies: communesOf('01').length, civilServants: onLevel((c) => c.startsWith('X')) },
              ],
            },
          },
        ],
      },
    });
  });

  test('resolves a reference to an unknown province to null, without an error', async () => {
    const response = await postGraphQL(subgraph.url, STAFFING, { r: provinces(['99']) });
    expect(response.body).toEqual({ data: { _entities: [null] } });
  });
});
