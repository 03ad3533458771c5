import { sql } from 'kysely';
import { anyOf, type Database } from '../../../lib/db';
import type { Period } from '../../../lib/graphql/period';
import { TRUNC_UNIT, type Series } from '../../../lib/graphql/series';
import type { DossierCounts } from '../rules/statistics';
import { vietnamDaySql } from './dossier-tallies';
import { OPEN_OVERDUE } from './overdue';
import type { PublicServicesTables } from './tables';

type Db = Database<PublicServicesTables>;

/** Dossiers of one province submitted in a period. */
export interface StatisticsRequest {
  provinceCode: string;
  period: Period;
}

const COUNTS = sql`coalesce(sum(received), 0)::int AS received, coalesce(sum(online), 0)::int AS online,
  coalesce(sum(completed), 0)::int AS completed, coalesce(sum(completed_on_time), 0)::int AS "completedOnTime"`;

/**
 * Counts for many (province, period) pairs in one statement, whatever mix of periods a request
 * asks for: each pair sums its days of the `dossier_days` tally and counts its open overdue
 * dossiers from the partial index. Province codes go in as bpchar[] to match the char(2)
 * columns; compared as text, no index could serve them.
 */
export async function countDossiers(db: Db, requests: readonly StatisticsRequest[]): Promise<DossierCounts[]> {
  const { rows } = await sql<DossierCounts>`
    SELECT tallied.received, tallied.online, tallied.completed, tallied."completedOnTime", tallied.late + open.overdue AS overdue
      FROM unnest(${requests.map((r) => r.provinceCode)}::bpchar[], ${requests.map((r) => r.period.from)}::date[], ${requests.map((r) => r.period.to)}::date[],
                  ${requests.map((r) => r.period.start.toISOString())}::timestamptz[], ${requests.map((r) => r.period.end.toISOString())}::timestamptz[])
           WITH ORDINALITY AS k(province, from_day, to_day, start_at, end_at, request)
     CROSS JOIN LATERAL (
       SELECT ${COUNTS}, coalesce(sum(completed_late), 0)::int AS late
         FROM dossier_days WHERE province_code = k.province AND day BETWEEN k.from_day AND k.to_day
     ) tallied
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS overdue FROM dossiers
        WHERE ${OPEN_OVERDUE} AND province_code = k.province AND submitted_at >= k.start_at AND submitted_at < k.end_at
     ) open
     ORDER BY k.request`.execute(db.kysely);
  return rows;
}

export interface BucketCounts extends DossierCounts {
  provinceCode: string;
  /** First day of the calendar bucket. */
  bucket: string;
}

/**
 * The same counts by calendar bucket (month, quarter, year) for many provinces over one series'
 * period, in one statement: the tally's days and the open overdue dossiers, grouped together.
 */
export async function countDossiersByBucket(db: Db, provinceCodes: readonly string[], series: Series): Promise<BucketCounts[]> {
  const { period, granularity } = series;
  const unit = sql.lit(TRUNC_UNIT[granularity]);
  const { rows } = await sql<BucketCounts>`
    SELECT province_code AS "provinceCode", to_char(bucket, 'YYYY-MM-DD') AS bucket, ${COUNTS}, coalesce(sum(overdue), 0)::int AS overdue
      FROM (
        SELECT province_code, date_trunc(${unit}, day) AS bucket, received, online, completed, completed_on_time, completed_late AS overdue
          FROM dossier_days WHERE province_code = ${anyOf(provinceCodes)} AND day BETWEEN ${period.from}::date AND ${period.to}::date
        UNION ALL
        SELECT province_code, date_trunc(${unit}, ${sql.raw(vietnamDaySql('submitted_at'))}), 0, 0, 0, 0, 1
          FROM dossiers
         WHERE ${OPEN_OVERDUE} AND province_code = ${anyOf(provinceCodes)} AND submitted_at >= ${period.start} AND submitted_at < ${period.end}
      ) counted
     GROUP BY province_code, bucket`.execute(db.kysely);
  return rows;
}
