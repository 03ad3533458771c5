import type { SeriesBucket } from '../../../lib/graphql/series';
import type { StartCount } from '../data/staffing.repository';
import type { StaffingPoint } from '../types/staffing-point.type';

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The thresholds `startsByPoint` places start dates between: each point's first day, then the day after the last. */
export const pointThresholds = (buckets: readonly SeriesBucket[]): string[] => [...buckets.map((b) => b.from), dayAfter(buckets.at(-1)!.to)];

/** Each point's servants: everyone who started before or within it, and who started within it. */
export function staffingPoints(buckets: readonly SeriesBucket[], starts: readonly Pick<StartCount, 'point' | 'count'>[]): StaffingPoint[] {
  const startedIn = (point: number) => starts.filter((s) => s.point === point).reduce((n, s) => n + s.count, 0);
  let serving = startedIn(0);
  return buckets.map((bucket, i) => {
    const joined = startedIn(i + 1);
    serving += joined;
    return { from: bucket.from, to: bucket.to, civilServants: serving, joined };
  });
}
