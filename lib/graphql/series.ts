import { ArgsType, Field, registerEnumType } from 'type-graphql';
import { resolvePeriod, vietnamToday, type Period } from './period';
import { DateScalar } from './scalars';

/** How a series cuts its period: calendar months, quarters or years (Vietnam time). */
export enum SeriesGranularity {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

registerEnumType(SeriesGranularity, {
  name: 'SeriesGranularity',
  description: 'The calendar unit of a time series: each point covers one month, quarter or year (Vietnam time).',
});

/** Months in one bucket of each granularity. */
const MONTHS: Record<SeriesGranularity, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** The same unit as PostgreSQL's date_trunc names it, for statements that group by bucket. */
export const TRUNC_UNIT: Record<SeriesGranularity, 'month' | 'quarter' | 'year'> = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

@ArgsType()
export class SeriesArgs {
  @Field(() => DateScalar, { nullable: true, description: 'First day included (Vietnam time); default the first day of the month eleven months before `to`, so a year of months.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day included; default today (Vietnam time).' })
  to?: string | null;

  @Field(() => SeriesGranularity, { defaultValue: SeriesGranularity.MONTH, description: 'Month, quarter or year per point.' })
  granularity!: SeriesGranularity;
}

/** One point of a series: a calendar bucket, clipped to the period at both ends. */
export interface SeriesBucket {
  /** First day of the point, YYYY-MM-DD: the bucket's start, or the period's first day in the first bucket. */
  from: string;
  /** Last day of the point: the bucket's end, or the period's last day in the last bucket. */
  to: string;
  /** First day of the whole calendar bucket: what date_trunc gives for any day in it. */
  start: string;
}

export interface Series {
  period: Period;
  granularity: SeriesGranularity;
  buckets: SeriesBucket[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const dayOfMonthIndex = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** First day of the bucket holding `day`. */
function bucketStart(day: string, granularity: SeriesGranularity): string {
  const index = monthIndex(day);
  const span = MONTHS[granularity];
  return dayOfMonthIndex(index - (index % span));
}

/** The default first day: eleven months before `to`'s month, so twelve monthly points. */
function defaultFrom(to: string): string {
  return dayOfMonthIndex(monthIndex(to) - 11);
}

/**
 * The points of a series over a period: consecutive calendar buckets covering it, the first and
 * last clipped to it, zeros included, oldest first. Defaults as `SeriesArgs` describes them.
 */
export function resolveSeries({ from, to, granularity = SeriesGranularity.MONTH }: Partial<SeriesArgs>, today: Date = new Date()): Series {
  const end = to ?? vietnamToday(today);
  // resolvePeriod bounds the period (five years at most), and so the points (61 months at most).
  const period = resolvePeriod(from ?? defaultFrom(end), end, today);
  const span = MONTHS[granularity];
  const buckets: SeriesBucket[] = [];
  for (let index = monthIndex(bucketStart(period.from, granularity)); dayOfMonthIndex(index) <= period.to; index += span) {
    const start = dayOfMonthIndex(index);
    const next = dayBefore(dayOfMonthIndex(index + span));
    buckets.push({ start, from: start < period.from ? period.from : start, to: next > period.to ? period.to : next });
  }
  return { period, granularity, buckets };
}

/** What tells two series apart, for loaders batched per series. */
export const seriesKey = ({ granularity, period }: Series): string => `${granularity}:${period.from}:${period.to}`;
