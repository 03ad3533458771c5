import { sql } from 'kysely';
import type { Database } from '../../../lib/db';
import type { DossierCounts } from '../rules/statistics';
import { overdueSql } from './overdue';
import type { PublicServicesTables } from './tables';

/** Dossiers of one province submitted in [start, end). */
export interface StatisticsRequest {
  provinceCode: string;
  start: Date;
  end: Date;
}

/**
 * Counts for many (province, period) pairs in one statement, whatever mix of periods a
 * request asks for. The LATERAL aggregate makes each pair one index-only range scan of the
 * covering statistics index: a join let the planner scan the whole table even for a month
 * (241 ms against 15 ms for 34 provinces at a million citizens). Province codes go in as
 * bpchar[] to match the char(2) column; compared as text, no index could serve them.
 */
export async function countDossiers(db: Database<PublicServicesTables>, requests: readonly StatisticsRequest[]): Promise<DossierCounts[]> {
  const provinces = requests.map((r) => r.provinceCode);
  const starts = requests.map((r) => r.start.toISOString());
  const ends = requests.map((r) => r.end.toISOString());
  const { rows } = await sql<DossierCounts>`
    SELECT counts.*
      FROM unnest(${provinces}::bpchar[], ${starts}::timestamptz[], ${ends}::timestamptz[]) WITH ORDINALITY AS k(province, start_at, end_at, request)
     CROSS JOIN LATERAL (
       SELECT count(*) AS received,
              count(*) FILTER (WHERE channel = 'ONLINE') AS online,
              count(*) FILTER (WHERE completed_at IS NOT NULL) AS completed,
              count(*) FILTER (WHERE completed_at <= due_at) AS "completedOnTime",
              count(*) FILTER (WHERE ${overdueSql}) AS overdue
         FROM dossiers
        WHERE province_code = k.province AND submitted_at >= k.start_at AND submitted_at < k.end_at
     ) counts
     ORDER BY k.request`.execute(db.kysely);
  return rows;
}
