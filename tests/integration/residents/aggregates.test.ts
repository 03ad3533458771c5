import { PROVINCES } from '../../../lib/domain';
import { residentsSubgraph } from '../../../subgraphs/residents';
import { postAs } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { citizenCaller, fieldError, officer } from '../../support/access-fixtures';
import { syntheticPopulation } from './synthetic-population';

const population = syntheticPopulation();
const living = (code: string) => population.citizens.filter((c) => c.provinceCode === code && c.deathDate === null).length;

const TWO_PROVINCES = '{ hue: province(code: "46") { name population { total } } hanoi: province(code: "01") { name population { total } } }';
const outside = (code: string, path: (string | number)[]) => fieldError('FORBIDDEN', `Province ${code} is outside your jurisdiction.`, path);

describe('residents: population figures by jurisdiction', () => {
  const subgraph = useTestSubgraph(residentsSubgraph);

  it('gives an analyst of Huế its population and refuses Hà Nội\'s with FORBIDDEN, reporting no citizen', async () => {
    const response = await postAs(officer('province-analyst', '46'), subgraph.url, TWO_PROVINCES);
    expect(response).toEqual({
      status: 200,
      body: {
        data: { hue: { name: 'Huế', population: { total: living('46') } }, hanoi: { name: 'Hà Nội', population: null } },
        errors: [outside('01', ['hanoi', 'population'])],
      },
    });
  });

  it('gives a ministry analyst the population of both, reporting no citizen', async () => {
    const response = await postAs(officer('ministry-analyst'), subgraph.url, TWO_PROVINCES);
    expect(response).toEqual({
      status: 200,
      body: { data: { hue: { name: 'Huế', population: { total: living('46') } }, hanoi: { name: 'Hà Nội', population: { total: living('01') } } } },
    });
  });

  it('refuses every other province in a list, one error each', async () => {
    const response = await postAs<{ provinces: { code: string; population: { total: number } | null }[] }>(
      officer('province-analyst', '46'),
      subgraph.url,
      '{ provinces { code population { total } } }',
    );
    expect(response.body.data?.provinces).toEqual(PROVINCES.map(({ code }) => ({ code, population: code === '46' ? { total: living('46') } : null })));
    expect(response.body.errors).toEqual(
      PROVINCES.flatMap(({ code }, i) => (code === '46' ? [] : [outside(code, ['provinces', i, 'population'])])),
    );
  });

  it('counts nothing for a province it refuses', async () => {
    const before = subgraph.db.statements.count;
    await postAs(officer('province-analyst', '46'), subgraph.url, '{ province(code: "01") { population { total } } }');
    expect(subgraph.db.statements.count).toBe(before);
  });

  it('refuses even their own province\'s figures to a citizen, whose jurisdiction is themself', async () => {
    const self = citizenCaller(population.citizens.find((c) => c.provinceCode === '46')!.personalId);
    const caller = { ...self, scopes: [...self.scopes, 'population:aggregate' as const] };
    const response = await postAs(caller, subgraph.url, '{ province(code: "46") { population { total } } }');
    expect(response.body).toEqual({ data: { province: { population: null } }, errors: [outside('46', ['province', 'population'])] });
  });
});
