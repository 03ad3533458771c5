import { PROVINCES } from '../../../lib/domain';
import { resolveSeries, SeriesGranularity } from '../../../lib/graphql/series';
import type { SyntheticDossier } from '../../../lib/synthetic';
import { publicServicesSubgraph } from '../../../subgraphs/public-services';
import type { DossierStatisticsRecord } from '../../../subgraphs/public-services/rules/statistics';
import { fieldError, officer } from '../../support/access-fixtures';
import { postAs, postGraphQL } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { isOverdue, seededDossiers } from './fixtures';

const subgraph = useTestSubgraph(publicServicesSubgraph);
const seeded = seededDossiers();

const FIELDS = 'from to received online onlineShare completed completedOnTime onTimeRate overdue';
const SERIES = `query ($representations: [_Any!]!, $from: Date, $to: Date, $granularity: SeriesGranularity!) {
  _entities(representations: $representations) { ... on Province { code dossierSeries(from: $from, to: $to, granularity: $granularity) { ${FIELDS} } } }
}`;

const provinces = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Province', code }));
const submittedIn = (from: string, to: string) => (d: SyntheticDossier) =>
  d.submittedAt >= new Date(`${from}T00:00:00+07:00`) && d.submittedAt < new Date(Date.parse(`${to}T00:00:00+07:00`) + 86_400_000);

/** One point restated from the synthetic rows, independently of the tally and the SQL. */
function expectedPoint(from: string, to: string, dossiers: SyntheticDossier[]): DossierStatisticsRecord {
  const inPoint = dossiers.filter(submittedIn(from, to));
  const completed = inPoint.filter((d) => d.completedAt);
  const online = inPoint.filter((d) => d.channel === 'ONLINE').length;
  const onTime = completed.filter((d) => d.completedAt! <= d.dueAt).length;
  return {
    from,
    to,
    received: inPoint.length,
    online,
    onlineShare: inPoint.length ? online / inPoint.length : null,
    completed: completed.length,
    completedOnTime: onTime,
    onTimeRate: completed.length ? onTime / completed.length : null,
    overdue: inPoint.filter((d) => isOverdue(d, new Date())).length,
  };
}

const expectedSeries = (code: string, from: string, to: string, granularity: SeriesGranularity) =>
  resolveSeries({ from, to, granularity }).buckets.map((b) => expectedPoint(b.from, b.to, seeded.filter((d) => d.provinceCode === code)));

describe('Province dossier series', () => {
  test('give a province one point per month, each counting the dossiers submitted in it, clipped to the period', async () => {
    const variables = { representations: provinces(['79']), from: '2025-11-15', to: '2026-10-31', granularity: 'MONTH' };
    const response = await postGraphQL(subgraph.url, SERIES, variables);
    expect(response.body).toEqual({ data: { _entities: [{ code: '79', dossierSeries: expectedSeries('79', '2025-11-15', '2026-10-31', SeriesGranularity.MONTH) }] } });
    expect(expectedSeries('79', '2025-11-15', '2026-10-31', SeriesGranularity.MONTH).every((point) => point.received > 0)).toBe(true);
  });

  test('answer all 34 provinces by quarter in one statement, the points adding up to every dossier of the period', async () => {
    const before = subgraph.db.statements.count;
    const response = await postGraphQL<{ _entities: { code: string; dossierSeries: DossierStatisticsRecord[] }[] }>(subgraph.url, SERIES, {
      representations: provinces(PROVINCES.map((p) => p.code)),
      from: '2025-11-01',
      to: '2026-11-01',
      granularity: 'QUARTER',
    });
    expect(subgraph.db.statements.count - before).toBe(1);
    for (const { code, dossierSeries } of response.body.data!._entities) {
      expect(dossierSeries).toEqual(expectedSeries(code, '2025-11-01', '2026-11-01', SeriesGranularity.QUARTER));
    }
    const received = response.body.data!._entities.flatMap((p) => p.dossierSeries).reduce((n, point) => n + point.received, 0);
    expect(received).toBe(seeded.filter(submittedIn('2025-11-01', '2026-11-01')).length);
  });

  test('refuse another province to a province analyst with FORBIDDEN, counting nothing', async () => {
    const before = subgraph.db.statements.count;
    const response = await postAs(officer('province-analyst', '46'), subgraph.url, SERIES, { representations: provinces(['01']), granularity: 'YEAR' });
    expect(response.body).toEqual({
      data: { _entities: [{ code: '01', dossierSeries: null }] },
      errors: [fieldError('FORBIDDEN', 'Province 01 is outside your jurisdiction.', ['_entities', 0, 'dossierSeries'])],
    });
    expect(subgraph.db.statements.count).toBe(before);
  });
});
