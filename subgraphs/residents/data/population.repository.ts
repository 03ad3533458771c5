import { sql, type RawBuilder } from 'kysely';
import { anyOf, type Database } from '../../../lib/db';
import type { Sex } from '../../../lib/domain';
import { AGE_BANDS } from '../domain/age';
import type { PopulationCount } from '../domain/population';
import type { ResidentsTables } from './tables';

export interface ProvincePopulationCount extends PopulationCount {
  provinceCode: string;
}

/**
 * One count per band, as birth-date ranges: being `age` or older on `day` means being born on
 * or before `day` minus `age` years. Comparing dates keeps the aggregate a cheap hash over
 * (province, sex); grouping by a computed band made PostgreSQL sort a million rows on disk.
 */
function bandCounts(day: string): RawBuilder<unknown> {
  const bornBy = (age: number) => sql`${day}::date - make_interval(years => ${sql.lit(age)})`;
  return sql.join(
    AGE_BANDS.map(({ band, minAge }, i) => {
      const next = AGE_BANDS[i + 1];
      const conditions = [
        // The first band has no lower edge: it also holds births dated after `day`.
        ...(i > 0 ? [sql`birth_date <= ${bornBy(minAge)}`] : []),
        ...(next ? [sql`birth_date > ${bornBy(next.minAge)}`] : []),
      ];
      return sql`count(*) FILTER (WHERE ${sql.join(conditions, sql` AND `)})::int AS ${sql.ref(band)}`;
    }),
  );
}

type BandRow = { provinceCode: string; sex: Sex } & Record<string, unknown>;

/** Living residents of the provinces, counted by sex and age band as of `day` (YYYY-MM-DD), in one statement. */
export async function populationCounts(db: Database<ResidentsTables>, provinceCodes: readonly string[], day: string): Promise<ProvincePopulationCount[]> {
  const { rows } = await sql<BandRow>`
    SELECT province_code AS "provinceCode", sex, ${bandCounts(day)}
      FROM citizens
     WHERE province_code = ${anyOf(provinceCodes)} AND death_date IS NULL
     GROUP BY province_code, sex`.execute(db.kysely);
  return rows.flatMap(({ provinceCode, sex, ...counts }) =>
    AGE_BANDS.map(({ band }) => ({ provinceCode, sex, band, count: Number(counts[band]) })),
  );
}

export interface LivingCount {
  provinceCode: string;
  sex: Sex;
  living: number;
}

/** Living residents by province and sex, from the `living_counts` tally. */
export async function livingCounts(db: Database<ResidentsTables>, provinceCodes: readonly string[]): Promise<LivingCount[]> {
  const { rows } = await sql<LivingCount>`
    SELECT province_code AS "provinceCode", sex, living FROM living_counts WHERE province_code = ${anyOf(provinceCodes)}`.execute(db.kysely);
  return rows;
}

/** Living now, or born or died after the n-th day of a list: what a population series is counted back from. */
export interface PopulationChange {
  provinceCode: string;
  sex: Sex;
  kind: 'living' | 'born' | 'died';
  /** For births and deaths: how many of the days fall before the event (1 … days); 0 for the living. */
  after: number;
  count: number;
}

/**
 * Everything needed to know who was alive at the end of each day of `days` (ascending), in one
 * statement: the living now (tally), and births and deaths after the first day, each placed by
 * how many of the days came before it. Living on day d = born on or before d − died on or before
 * d = living now − born after d + died after d. Births and deaths after the first day are few
 * (a year's), and each has its index.
 */
export async function populationChanges(db: Database<ResidentsTables>, provinceCodes: readonly string[], days: readonly string[]): Promise<PopulationChange[]> {
  const after = (column: 'birth_date' | 'death_date') => sql`width_bucket(${sql.ref(column)} - 1, ${days}::date[])`;
  const { rows } = await sql<PopulationChange>`
    SELECT province_code AS "provinceCode", sex, 'living' AS kind, 0 AS after, living AS count
      FROM living_counts WHERE province_code = ${anyOf(provinceCodes)}
    UNION ALL
    SELECT province_code, sex, 'born', ${after('birth_date')}, count(*)::int
      FROM citizens WHERE birth_date > ${days[0]}::date AND province_code = ${anyOf(provinceCodes)}
     GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT province_code, sex, 'died', ${after('death_date')}, count(*)::int
      FROM citizens WHERE death_date > ${days[0]}::date AND province_code = ${anyOf(provinceCodes)}
     GROUP BY 1, 2, 3, 4`.execute(db.kysely);
  return rows;
}
