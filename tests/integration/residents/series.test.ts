import { PROVINCES } from '../../../lib/domain';
import { resolveSeries } from '../../../lib/graphql/series';
import { residentsSubgraph } from '../../../subgraphs/residents';
import type { PopulationPoint } from '../../../subgraphs/residents/domain/population-series';
import { fieldError, officer } from '../../support/access-fixtures';
import { postAs } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { syntheticPopulation } from './synthetic-population';

const subgraph = useTestSubgraph(residentsSubgraph);
const { citizens } = syntheticPopulation();

const SERIES = `query ($from: Date, $to: Date, $granularity: SeriesGranularity!) {
  provinces { code populationSeries(from: $from, to: $to, granularity: $granularity) { from to total male female } population { total } }
}`;

/** Who was alive in a province at the end of a day: born by then, and not dead by then. */
const livingOn = (code: string, day: string, sex?: string) =>
  citizens.filter((c) => c.provinceCode === code && c.birthDate <= day && (c.deathDate === null || c.deathDate > day) && (!sex || c.sex === sex)).length;

const expectedSeries = (code: string, from: string, to: string): PopulationPoint[] =>
  resolveSeries({ from, to }).buckets.map((b) => ({ from: b.from, to: b.to, total: livingOn(code, b.to), male: livingOn(code, b.to, 'MALE'), female: livingOn(code, b.to, 'FEMALE') }));

describe('Province population series', () => {
  test('count the living of every province at the end of each month, born by then and not yet dead, in one statement', async () => {
    const before = subgraph.db.statements.count;
    const response = await postAs<{ provinces: { code: string; populationSeries: PopulationPoint[]; population: { total: number } }[] }>(
      officer('ministry-analyst'),
      subgraph.url,
      SERIES,
      { from: '2022-01-01', to: '2026-10-31', granularity: 'MONTH' },
    );
    // The series, and the totals from the living tally.
    expect(subgraph.db.statements.count - before).toBe(2);
    expect(response.body.errors).toBeUndefined();
    for (const { code, populationSeries, population } of response.body.data!.provinces) {
      expect(populationSeries).toEqual(expectedSeries(code, '2022-01-01', '2026-10-31'));
      expect(population.total).toBe(citizens.filter((c) => c.provinceCode === code && c.deathDate === null).length);
    }
    const hcmc = response.body.data!.provinces.find((p) => p.code === '79')!.populationSeries;
    expect(new Set(hcmc.map((point) => point.total)).size).toBeGreaterThan(3);
    expect(response.body.data!.provinces).toHaveLength(PROVINCES.length);
  });

  test('refuse another province to a province analyst with FORBIDDEN', async () => {
    const response = await postAs(officer('province-analyst', '46'), subgraph.url, '{ province(code: "01") { populationSeries { total } } }');
    expect(response.body).toEqual({
      data: { province: { populationSeries: null } },
      errors: [fieldError('FORBIDDEN', 'Province 01 is outside your jurisdiction.', ['province', 'populationSeries'])],
    });
  });
});
