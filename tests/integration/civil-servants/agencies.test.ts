import { communesOf } from '../../../lib/synthetic';
import { civilServantsSubgraph } from '../../../subgraphs/civil-servants';
import { postGraphQL } from '../../support/graphql-client';
import { testSeed, useTestSubgraph } from '../../support/test-subgraph';
import { expectedCivilServants, leaksInternals } from './synthetic';

const options = testSeed();
const expected = expectedCivilServants(options);
const subgraph = useTestSubgraph(civilServantsSubgraph, options);

interface AgencyView {
  code: string;
  level: string;
  province: { code: string };
}

const listAgencies = async (args: string) =>
  (await postGraphQL<{ agencies: AgencyView[] }>(subgraph.url, `{ agencies${args} { code level province { code } } }`)).body.data!.agencies;

describe('civil-servants: agencies and agency', () => {
  test('lists the seven ministries as the central agencies of Hà Nội, with no parent', async () => {
    const response = await postGraphQL(subgraph.url, '{ agencies(provinceCode: "01", level: CENTRAL) { code name level province { code } parent { code } } }');
    const ministry = (code: string, name: string) => ({ code, name, level: 'CENTRAL', province: { code: '01' }, parent: null });
    expect(response.body).toEqual({
      data: {
        agencies: [
          ministry('BCA', 'Bộ Công an'), ministry('BGDDT', 'Bộ Giáo dục và Đào tạo'), ministry('BNV', 'Bộ Nội vụ'), ministry('BTC', 'Bộ Tài chính'),
          ministry('BTP', 'Bộ Tư pháp'), ministry('BYT', 'Bộ Y tế'), ministry('VPCP', 'Văn phòng Chính phủ'),
        ],
      },
    });
  });

  test('lists a province\'s nine departments and then its communes, each ordered by code', async () => {
    const agencies = await listAgencies('(provinceCode: "24")');
    const communes = communesOf('24');
    expect(agencies).toHaveLength(9 + communes.length);
    expect(agencies.every((a) => a.province.code === '24')).toBe(true);
    expect(agencies.slice(0, 9).map((a) => a.level)).toEqual(Array(9).fill('PROVINCE'));
    expect(agencies.slice(9).map((a) => a.code)).toEqual(communes.map((c) => `X${c.code}`));
  });

  test('filters by level alone and lists everything without filters', async () => {
    expect(await listAgencies('(level: COMMUNE)')).toHaveLength(3321);
    expect(await listAgencies('(level: PROVINCE)')).toHaveLength(34 * 9);
    expect(await listAgencies('')).toHaveLength(7 + 34 * 9 + 3321);
  });

  test('returns one agency with its parent, province and head count', async () => {
    const headcount = expected.filter((s) => s.person.agencyCode === '01.UBND').length;
    const response = await postGraphQL(subgraph.url, '{ agency(code: "01.UBND") { code name level province { code } parent { code } civilServantCount } }');
    expect(response.body).toEqual({
      data: {
        agency: { code: '01.UBND', name: 'Ủy ban nhân dân thành phố Hà Nội', level: 'PROVINCE', province: { code: '01' }, parent: null, civilServantCount: headcount },
      },
    });
    const department = await postGraphQL(subgraph.url, '{ agency(code: "24.SYT") { name parent { code name } } }');
    expect(department.body).toEqual({
      data: { agency: { name: 'Sở Y tế tỉnh Bắc Ninh', parent: { code: '24.UBND', name: 'Ủy ban nhân dân tỉnh Bắc Ninh' } } },
    });
  });

  test('counts civil servants of every listed agency in one statement, and finds every seeded servant', async () => {
    const before = subgraph.db.statements.count;
    const response = await postGraphQL<{ agencies: { code: string; civilServantCount: number; parent: { code: string } | null }[] }>(
      subgraph.url,
      '{ agencies(provinceCode: "01") { code civilServantCount parent { code } } }',
    );
    // The list, then one batch of head counts; parents were primed by the list.
    expect(subgraph.db.statements.count - before).toBe(2);
    const counted = response.body.data!.agencies.reduce((sum, a) => sum + a.civilServantCount, 0);
    expect(counted).toBe(expected.filter((s) => s.person.provinceCode === '01').length);
  });

  test('answers null and NOT_FOUND for an unknown agency code', async () => {
    const response = await postGraphQL(subgraph.url, '{ agency(code: "99.SNV") { code } }');
    expect(response.body).toEqual({
      data: { agency: null },
      errors: [expect.objectContaining({ message: 'No agency with key 99.SNV.', extensions: { code: 'NOT_FOUND' } })],
    });
  });

  test('rejects an unknown province with UNKNOWN_PROVINCE and an unknown level as invalid, without internals', async () => {
    const province = await postGraphQL(subgraph.url, 'query ($p: ProvinceCode) { agencies(provinceCode: $p) { code } }', { p: '02' });
    expect(province.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNKNOWN_PROVINCE']);
    const level = await postGraphQL(subgraph.url, '{ agencies(level: DISTRICT) { code } }');
    expect(level.body.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    for (const response of [province, level]) {
      expect(response.body.data ?? null).toBeNull();
      expect(leaksInternals(response.body)).toBe(false);
    }
  });
});
