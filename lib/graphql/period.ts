import { badInput } from '../errors';

export interface Period {
  /** First day included, YYYY-MM-DD. */
  from: string;
  /** Last day included, YYYY-MM-DD. */
  to: string;
  /** Instants bounding the period in Vietnam time: [start, end). */
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 5 * 366;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Today's calendar day in Vietnam (UTC+7), YYYY-MM-DD. */
export const vietnamToday = (now: Date = new Date()): string => isoDay(new Date(now.getTime() + 7 * 3_600_000));

/*
 * Days are Vietnam calendar days (UTC+7), as provincial reports, the portal and the audit log
 * count them: a day YYYY-MM-DD runs from its Vietnam midnight to the next.
 */
const dayStart = (day: string): Date => new Date(`${day}T00:00:00+07:00`);
const dayEnd = (day: string): Date => new Date(dayStart(day).getTime() + DAY_MS);

/** The period of a dashboard indicator: `to` defaults to today and `from` to a year before it. */
export function resolvePeriod(from: string | null | undefined, to: string | null | undefined, today: Date = new Date()): Period {
  const toDay = to ?? vietnamToday(today);
  const fromDay = from ?? isoDay(new Date(Date.parse(`${toDay}T00:00:00Z`) - 365 * DAY_MS));
  const start = dayStart(fromDay);
  const end = dayEnd(toDay);
  if (start >= end) throw badInput(`The period starts (${fromDay}) after it ends (${toDay}).`, { argument: 'from' });
  if (end.getTime() - start.getTime() > MAX_DAYS * DAY_MS) throw badInput('A period spans at most five years.', { argument: 'from' });
  return { from: fromDay, to: toDay, start, end };
}

/** A filter's range of instants, half-open; an end is null when its day is not given. */
export interface DayRange {
  start: Date | null;
  end: Date | null;
}

/** How a filter names its two days to the client: `from`, `to`, and the argument path of `from`. */
export interface DayRangeArguments {
  from: string;
  to: string;
  argument: string;
}

/** A filter's first and last days, both included and either optional, as a range of instants. */
export function dayRange(from: string | null | undefined, to: string | null | undefined, names: DayRangeArguments): DayRange {
  if (from && to && from > to) throw badInput(`${names.from} (${from}) is after ${names.to} (${to}).`, { argument: names.argument });
  return { start: from ? dayStart(from) : null, end: to ? dayEnd(to) : null };
}
