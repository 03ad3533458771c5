import { PROVINCES } from '../../../lib/domain';
import { residentsSubgraph } from '../../../subgraphs/residents';
import { AGE_BANDS, ageOn, vietnamDay } from '../../../subgraphs/residents/domain/age';
import { postGraphQL } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { syntheticPopulation } from './synthetic-population';

const population = syntheticPopulation();
const living = population.citizens.filter((c) => c.deathDate === null);

interface Population {
  total: number;
  male: number;
  female: number;
  byAgeBand: { band: string; male: number; female: number; total: number }[];
}

const POPULATION = 'population { total male female byAgeBand { band male female total } }';

describe('residents: provinces', () => {
  const subgraph = useTestSubgraph(residentsSubgraph);

  it('returns a merged province with its kind and the legacy provinces it absorbed', async () => {
    const response = await postGraphQL(subgraph.url, '{ province(code: "79") { code name kind legacyCodes } }');
    expect(response.body).toEqual({ data: { province: { code: '79', name: 'Hồ Chí Minh', kind: 'CITY', legacyCodes: ['079', '074', '077'] } } });
  });

  it('lists all 34 provincial units in code order', async () => {
    const response = await postGraphQL<{ provinces: { code: string; name: string; kind: string }[] }>(subgraph.url, '{ provinces { code name kind } }');
    expect(response.body.data?.provinces).toEqual(PROVINCES.map((p) => ({ code: p.code, name: p.name, kind: p.kind.toUpperCase() })));
    expect(response.body.data?.provinces.filter((p) => p.kind === 'CITY')).toHaveLength(6);
  });

  it('rejects an unknown province code with UNKNOWN_PROVINCE', async () => {
    const response = await postGraphQL(subgraph.url, 'query($code: ProvinceCode!) { province(code: $code) { name } }', { code: '99' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNKNOWN_PROVINCE' } })]);
  });

  it('counts the living residents of a province by sex and by age band', async () => {
    const response = await postGraphQL<{ province: { population: Population } }>(subgraph.url, `{ province(code: "01") { ${POPULATION} } }`);
    const residents = living.filter((c) => c.provinceCode === '01');
    const { total, male, female, byAgeBand } = response.body.data!.province.population;
    expect({ total, male, female }).toEqual({
      total: residents.length,
      male: residents.filter((c) => c.sex === 'MALE').length,
      female: residents.filter((c) => c.sex === 'FEMALE').length,
    });
    expect(byAgeBand.map((b) => b.band)).toEqual(['0-14', '15-24', '25-39', '40-59', '60+']);
    for (const band of byAgeBand) expect(band.male + band.female).toBe(band.total);
    expect(byAgeBand.reduce((n, b) => n + b.total, 0)).toBe(total);
    expect(byAgeBand.reduce((n, b) => n + b.male, 0)).toBe(male);
  });

  it('puts each living resident in the band of their age today', async () => {
    const today = vietnamDay();
    const bandOf = (birthDate: string) => [...AGE_BANDS].reverse().find((b) => ageOn(birthDate, today) >= b.minAge)!.band;
    const response = await postGraphQL<{ province: { population: Population } }>(subgraph.url, `{ province(code: "79") { ${POPULATION} } }`);
    const residents = living.filter((c) => c.provinceCode === '79');
    expect(response.body.data!.province.population.byAgeBand).toEqual(
      AGE_BANDS.map(({ band }) => {
        const inBand = residents.filter((c) => bandOf(c.birthDate) === band);
        const male = inBand.filter((c) => c.sex === 'MALE').length;
        return { band, male, female: inBand.length - male, total: inBand.length };
      }),
    );
  });

  it('counts the population of all 34 provinces in one statement, adding up to every living citizen', async () => {
    const before = subgraph.db.statements.count;
    const response = await postGraphQL<{ provinces: { code: string; population: Population }[] }>(subgraph.url, `{ provinces { code ${POPULATION} } }`);
    expect(subgraph.db.statements.count - before).toBe(1);
    const provinces = response.body.data!.provinces;
    for (const { code, population: counted } of provinces) {
      expect(counted.total).toBe(living.filter((c) => c.provinceCode === code).length);
      expect(counted.male + counted.female).toBe(counted.total);
      expect(counted.byAgeBand.reduce((n, b) => n + b.total, 0)).toBe(counted.total);
    }
    expect(provinces.reduce((n, p) => n + p.population.total, 0)).toBe(living.length);
  });
});
