import { PROVINCES } from '../../../lib/domain';
import type { SyntheticDossier } from '../../../lib/synthetic';
import { postGraphQL } from '../../support/graphql-client';
import { errorCodes } from '../../support/response-checks';
import { useTestSubgraph } from '../../support/test-subgraph';
import { publicServicesSubgraph } from '../../../subgraphs/public-services';
import type { DossierStatisticsRecord } from '../../../subgraphs/public-services/rules/statistics';
import { isOverdue, seededDossiers } from './fixtures';

const subgraph = useTestSubgraph(publicServicesSubgraph);
const seeded = seededDossiers();

const STATISTICS = 'from to received online onlineShare completed completedOnTime onTimeRate overdue';

/** The indicators restated from the synthetic rows, independently of the SQL. */
function expectedStatistics(from: string, to: string, dossiers: SyntheticDossier[], now = new Date()): DossierStatisticsRecord {
  const completed = dossiers.filter((d) => d.completedAt);
  const online = dossiers.filter((d) => d.channel === 'ONLINE').length;
  const completedOnTime = completed.filter((d) => d.completedAt! <= d.dueAt).length;
  return {
    from,
    to,
    received: dossiers.length,
    online,
    onlineShare: dossiers.length ? online / dossiers.length : null,
    completed: completed.length,
    completedOnTime,
    onTimeRate: completed.length ? completedOnTime / completed.length : null,
    overdue: dossiers.filter((d) => isOverdue(d, now)).length,
  };
}

const PROVINCE_STATISTICS = `query ($representations: [_Any!]!, $from: Date, $to: Date) {
  _entities(representations: $representations) { ... on Province { code dossierStatistics(from: $from, to: $to) { ${STATISTICS} } } }
}`;

const provinces = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Province', code }));

const submittedBetween = (from: string, to: string) => (d: SyntheticDossier) =>
  d.submittedAt >= new Date(`${from}T00:00:00+07:00`) && d.submittedAt < new Date(Date.parse(`${to}T00:00:00+07:00`) + 86_400_000);

describe('Province dossier statistics', () => {
  test('count a province\'s dossiers of a period exactly as the seeded rows say', async () => {
    const response = await postGraphQL(subgraph.url, PROVINCE_STATISTICS, { representations: provinces(['79']), from: '2026-01-01', to: '2026-06-30' });
    const inPeriod = seeded.filter((d) => d.provinceCode === '79').filter(submittedBetween('2026-01-01', '2026-06-30'));
    expect(inPeriod.length).toBeGreaterThan(50);
    expect(response.body).toEqual({ data: { _entities: [{ code: '79', dossierStatistics: expectedStatistics('2026-01-01', '2026-06-30', inPeriod) }] } });
  });

  test('answer all 34 provinces in one SQL statement, summing to the whole seeded year', async () => {
    const before = subgraph.db.statements.count;
    const response = await postGraphQL<{ _entities: { code: string; dossierStatistics: DossierStatisticsRecord }[] }>(subgraph.url, PROVINCE_STATISTICS, {
      representations: provinces(PROVINCES.map((p) => p.code)),
      from: '2025-11-01',
      to: '2026-11-01',
    });
    expect(subgraph.db.statements.count - before).toBe(1);
    const all = response.body.data!._entities;
    expect(all.map((p) => p.code)).toEqual(PROVINCES.map((p) => p.code));
    for (const { code, dossierStatistics } of all) {
      expect(dossierStatistics).toEqual(expectedStatistics('2025-11-01', '2026-11-01', seeded.filter((d) => d.provinceCode === code)));
      const { onlineShare, online, received, onTimeRate } = dossierStatistics;
      if (received > 0) expect(onlineShare).toBeCloseTo(online / received, 12);
      if (onTimeRate !== null) expect(onTimeRate >= 0 && onTimeRate <= 1).toBe(true);
    }
    const sum = (field: 'received' | 'completed' | 'completedOnTime' | 'online') => all.reduce((n, p) => n + p.dossierStatistics[field], 0);
    expect(sum('received')).toBe(seeded.length);
    expect(sum('completedOnTime') / sum('completed')).toBeCloseTo(0.91, 1);
    expect(sum('online') / sum('received')).toBeCloseTo(0.81, 1);
  });

  test('batch different periods of one request into one statement too', async () => {
    const before = subgraph.db.statements.count;
    const response = await postGraphQL(
      subgraph.url,
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Province {
        h1: dossierStatistics(from: "2026-01-01", to: "2026-06-30") { received }
        h2: dossierStatistics(from: "2026-07-01", to: "2026-10-31") { received }
      } } }`,
      { representations: provinces(['01', '46']) },
    );
    expect(subgraph.db.statements.count - before).toBe(1);
    const count = (code: string, from: string, to: string) => seeded.filter((d) => d.provinceCode === code).filter(submittedBetween(from, to)).length;
    expect(response.body).toEqual({
      data: {
        _entities: ['01', '46'].map((code) => ({
          h1: { received: count(code, '2026-01-01', '2026-06-30') },
          h2: { received: count(code, '2026-07-01', '2026-10-31') },
        })),
      },
    });
  });

  test('report null ratios for a period with no dossiers', async () => {
    const response = await postGraphQL(subgraph.url, PROVINCE_STATISTICS, { representations: provinces(['01']), from: '2020-01-01', to: '2020-12-31' });
    expect(response.body).toEqual({
      data: {
        _entities: [
          {
            code: '01',
            dossierStatistics: { from: '2020-01-01', to: '2020-12-31', received: 0, online: 0, onlineShare: null, completed: 0, completedOnTime: 0, onTimeRate: null, overdue: 0 },
          },
        ],
      },
    });
  });

  test('default to the year up to today', async () => {
    const response = await postGraphQL<{ _entities: { dossierStatistics: DossierStatisticsRecord }[] }>(subgraph.url, PROVINCE_STATISTICS, { representations: provinces(['01']) });
    const { from, to } = response.body.data!._entities[0]!.dossierStatistics;
    expect(Date.parse(to) - Date.parse(from)).toBe(365 * 86_400_000);
    expect(Math.abs(Date.parse(to) - Date.now())).toBeLessThan(2 * 86_400_000);
  });

  test.each([
    ['a period that ends before it starts', { from: '2026-06-01', to: '2026-05-01' }, 'BAD_USER_INPUT'],
    ['a date that is not one', { from: '2026-02-30' }, 'BAD_USER_INPUT'],
  ])('refuse %s', async (_what, period, code) => {
    const response = await postGraphQL(subgraph.url, PROVINCE_STATISTICS, { representations: provinces(['01']), ...period });
    expect(errorCodes(response.body)).toEqual([code]);
  });
});
