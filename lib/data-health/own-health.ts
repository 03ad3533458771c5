import { sql, type Kysely, type RawBuilder } from 'kysely';
import { anyOf } from '../db';
import type { DatabaseHealth, FieldCompleteness, ReferenceHealth } from './health.type';
import { wellFormedDossierCode, wellFormedPersonalId } from './well-formed';

/** When a database's records count as stale, in words and in days. */
export interface Staleness {
  days: number;
  rule: string;
}

/** What a database measures of its own records, in one statement over its main table. */
export interface OwnHealthSpec {
  database: string;
  /** The table of the records, with a `province_code` column. */
  table: string;
  /** Columns holding personal IDs, keys and references alike; nulls are not IDs. */
  personalIdColumns: readonly string[];
  /** Columns holding dossier codes. */
  dossierCodeColumns?: readonly string[];
  /** Fields that should always be filled: their coordinate in the graph and their column. */
  requiredFields: readonly { field: string; column: string }[];
  /** When a record last changed, as SQL over its columns. */
  updatedAt: RawBuilder<Date>;
  staleness: Staleness;
  /** Whether a record is stale, as SQL over its columns (e.g. `updated_at < now() - interval '…'`). */
  stale: RawBuilder<boolean>;
}

/** One province's figures before the references into the database are added. */
export type OwnHealth = Omit<DatabaseHealth, 'references'> & { provinceCode: string };

interface Row {
  provinceCode: string;
  records: number;
  invalidIds: number;
  lastUpdatedAt: Date | null;
  staleRecords: number;
  [empty: `empty${number}`]: number;
}

const count = (condition: RawBuilder<boolean>) => sql`count(*) FILTER (WHERE ${condition})::int`;

/** `now() - interval 'N days'`, the cut-off a staleness rule compares with. */
export const daysAgo = (days: number): RawBuilder<Date> => sql<Date>`now() - make_interval(days => ${sql.lit(days)})`;

/**
 * Counts, for many provinces in one statement: records, structurally invalid personal IDs and
 * dossier codes, empty required fields, the newest change and the stale records.
 */
export async function ownHealth<DB>(db: Kysely<DB>, spec: OwnHealthSpec, provinceCodes: readonly string[]): Promise<OwnHealth[]> {
  const invalid = [
    ...spec.personalIdColumns.map((column) => count(sql`${sql.ref(column)} IS NOT NULL AND NOT ${wellFormedPersonalId(column)}`)),
    ...(spec.dossierCodeColumns ?? []).map((column) => count(sql`${sql.ref(column)} IS NOT NULL AND NOT ${wellFormedDossierCode(column)}`)),
  ];
  const empties = spec.requiredFields.map(({ column }, i) => sql`${count(sql`coalesce(btrim(${sql.ref(column)}::text), '') = ''`)} AS ${sql.ref(`empty${i}`)}`);
  const { rows } = await sql<Row>`
    SELECT province_code AS "provinceCode", count(*)::int AS records, ${sql.join(invalid, sql` + `)} AS "invalidIds",
           ${sql.join(empties)}, max(${spec.updatedAt}) AS "lastUpdatedAt", ${count(spec.stale)} AS "staleRecords"
      FROM ${sql.table(spec.table)}
     WHERE province_code = ${anyOf(provinceCodes)}
     GROUP BY province_code`.execute(db);
  return provinceCodes.map((provinceCode) => {
    const row = rows.find((r) => r.provinceCode === provinceCode);
    const fields: FieldCompleteness[] = spec.requiredFields.map(({ field }, i) => {
      const empty = row?.[`empty${i}`] ?? 0;
      return { field, empty, filled: (row?.records ?? 0) - empty };
    });
    return {
      provinceCode,
      database: spec.database,
      records: row?.records ?? 0,
      invalidIds: row?.invalidIds ?? 0,
      fields,
      lastUpdatedAt: row?.lastUpdatedAt ?? null,
      staleRecords: row?.staleRecords ?? 0,
      staleAfterDays: spec.staleness.days,
      staleRule: spec.staleness.rule,
    };
  });
}

/** A database's figures for a province: its own, and the references into it. */
export const databaseHealth = ({ provinceCode: _province, ...own }: OwnHealth, references: ReferenceHealth[]): DatabaseHealth => ({ ...own, references });
