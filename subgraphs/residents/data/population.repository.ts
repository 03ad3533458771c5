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
