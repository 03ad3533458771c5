import { sql, type RawBuilder } from 'kysely';
import type { RowScope } from '../../../lib/subgraph';

/**
 * The dossiers a caller may see, as a condition on the `dossiers` row source: its province's,
 * or a citizen's own. Every read puts it into its SQL, so a dossier outside the caller's
 * jurisdiction is exactly like one that does not exist. Columns are unqualified, as in
 * `overdueSql`; parameters stay untyped so PostgreSQL compares them as the char columns they
 * meet and the indexes still serve.
 */
export function dossierScopeSql(scope: RowScope): RawBuilder<boolean> {
  const conditions = [
    ...(scope.provinceCode === undefined ? [] : [sql`province_code = ${scope.provinceCode}`]),
    ...(scope.personalId === undefined ? [] : [sql`applicant_id = ${scope.personalId}`]),
  ];
  return conditions.length === 0 ? sql<boolean>`TRUE` : sql<boolean>`(${sql.join(conditions, sql` AND `)})`;
}
