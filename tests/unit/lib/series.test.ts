import { resolveSeries, SeriesGranularity } from '../../../lib/graphql/series';
import { errorCodeOf } from '../../support/error-code';

const NOON_IN_HANOI = new Date('2026-11-20T05:00:00Z');

describe('Series: the calendar buckets of a period', () => {
  test('default to the twelve months ending today (Vietnam time), the last clipped at today', () => {
    const { period, buckets } = resolveSeries({}, NOON_IN_HANOI);
    expect(period).toMatchObject({ from: '2025-12-01', to: '2026-11-20' });
    expect(buckets).toHaveLength(12);
    expect(buckets[0]).toEqual({ start: '2025-12-01', from: '2025-12-01', to: '2025-12-31' });
    expect(buckets[2]).toEqual({ start: '2026-02-01', from: '2026-02-01', to: '2026-02-28' });
    expect(buckets[11]).toEqual({ start: '2026-11-01', from: '2026-11-01', to: '2026-11-20' });
  });

  test('clip the first and last bucket to a period that starts and ends mid-month', () => {
    expect(resolveSeries({ from: '2026-01-15', to: '2026-03-10', granularity: SeriesGranularity.MONTH }).buckets).toEqual([
      { start: '2026-01-01', from: '2026-01-15', to: '2026-01-31' },
      { start: '2026-02-01', from: '2026-02-01', to: '2026-02-28' },
      { start: '2026-03-01', from: '2026-03-01', to: '2026-03-10' },
    ]);
  });

  test('cut by quarter and by year, buckets starting where date_trunc starts them', () => {
    expect(resolveSeries({ from: '2025-11-01', to: '2026-04-30', granularity: SeriesGranularity.QUARTER }).buckets).toEqual([
      { start: '2025-10-01', from: '2025-11-01', to: '2025-12-31' },
      { start: '2026-01-01', from: '2026-01-01', to: '2026-03-31' },
      { start: '2026-04-01', from: '2026-04-01', to: '2026-04-30' },
    ]);
    expect(resolveSeries({ from: '2024-06-01', to: '2026-02-01', granularity: SeriesGranularity.YEAR }).buckets).toEqual([
      { start: '2024-01-01', from: '2024-06-01', to: '2024-12-31' },
      { start: '2025-01-01', from: '2025-01-01', to: '2025-12-31' },
      { start: '2026-01-01', from: '2026-01-01', to: '2026-02-01' },
    ]);
  });

  test('give one point to a period inside one month, and handle leap years', () => {
    expect(resolveSeries({ from: '2028-02-10', to: '2028-02-29' }).buckets).toEqual([{ start: '2028-02-01', from: '2028-02-10', to: '2028-02-29' }]);
  });

  test('refuse a period that ends before it starts, or spans more than five years, as BAD_USER_INPUT', () => {
    expect(errorCodeOf(() => resolveSeries({ from: '2026-05-01', to: '2026-04-01' }))).toBe('BAD_USER_INPUT');
    expect(errorCodeOf(() => resolveSeries({ from: '2019-01-01', to: '2026-04-01' }))).toBe('BAD_USER_INPUT');
  });

  test('give the longest period, five years cut by month, 61 points', () => {
    expect(resolveSeries({ from: '2021-11-20', to: '2026-11-19' }).buckets.length).toBe(61);
  });
});
