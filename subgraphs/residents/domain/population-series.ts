import type { Sex } from '../../../lib/domain';
import type { SeriesBucket } from '../../../lib/graphql/series';

/** Living residents of a province on the last day of one point of a series. */
export interface PopulationPoint {
  from: string;
  to: string;
  total: number;
  male: number;
  female: number;
}

/** The living now, and births and deaths placed after how many of the points' last days (population.repository.ts). */
export interface PopulationChangeCount {
  sex: Sex;
  kind: 'living' | 'born' | 'died';
  after: number;
  count: number;
}

/**
 * Who was alive at the end of each point: the living now, less those born after that day, plus
 * those who died after it (an event after the j-th last day has `after` > j).
 */
export function populationPoints(buckets: readonly SeriesBucket[], changes: readonly PopulationChangeCount[]): PopulationPoint[] {
  const livingAt = (sex: Sex, j: number) =>
    changes.reduce((n, c) => {
      if (c.sex !== sex) return n;
      if (c.kind === 'living') return n + c.count;
      if (c.after <= j) return n;
      return c.kind === 'born' ? n - c.count : n + c.count;
    }, 0);
  return buckets.map((bucket, j) => {
    const male = livingAt('MALE', j);
    const female = livingAt('FEMALE', j);
    return { from: bucket.from, to: bucket.to, total: male + female, male, female };
  });
}
