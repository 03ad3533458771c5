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

/**
 * The period of a dashboard indicator: `to` defaults to today and `from` to a year before it.
 * Days are Vietnam calendar days (UTC+7), as provincial reports count them.
 */
export function resolvePeriod(from: string | null | undefined, to: string | null | undefined, today: Date = new Date()): Period {
  const toDay = to ?? isoDay(new Date(today.getTime() + 7 * 3_600_000));
  const fromDay = from ?? isoDay(new Date(Date.parse(`${toDay}T00:00:00Z`) - 365 * DAY_MS));
  const start = new Date(`${fromDay}T00:00:00+07:00`);
  const end = new Date(Date.parse(`${toDay}T00:00:00+07:00`) + DAY_MS);
  if (start >= end) throw badInput(`The period starts (${fromDay}) after it ends (${toDay}).`, { argument: 'from' });
  if (end.getTime() - start.getTime() > MAX_DAYS * DAY_MS) throw badInput('A period spans at most five years.', { argument: 'from' });
  return { from: fromDay, to: toDay, start, end };
}
