import { formatVietnamTime } from '../../../lib/graphql/scalars';

/** Whole years from `start` to `on` (both YYYY-MM-DD), as an anniversary counts them; never negative. */
export function fullYearsBetween(start: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(start.slice(0, 4));
  const beforeAnniversary = on.slice(5) < start.slice(5);
  return Math.max(0, years - (beforeAnniversary ? 1 : 0));
}

/** Today's calendar day in Vietnam, where service anniversaries fall. */
export const vietnamToday = (now: Date = new Date()): string => formatVietnamTime(now).slice(0, 10);
