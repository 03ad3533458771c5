import { sql, type ExpressionBuilder, type ExpressionWrapper, type SqlBool, type StringReference } from 'kysely';

/**
 * The rows a caller may see, as column values to filter on: a province-bound caller sees
 * rows of that province, a citizen only rows about themself, a national caller everything.
 * Repositories turn this into SQL so out-of-jurisdiction rows look exactly like missing ones.
 */
export interface RowScope {
  provinceCode?: string;
  personalId?: string;
}

/** The columns of a row source that hold a row's province and the person it is about. */
export interface ScopeColumns<DB, TB extends keyof DB> {
  province: StringReference<DB, TB>;
  person: StringReference<DB, TB>;
}

/**
 * A row scope as a `where` condition: `province = $1` and/or `person = $2`, or `1 = 1` for a
 * national caller. Parameters stay untyped, so PostgreSQL compares them as the (char) columns
 * they meet and the indexes still serve.
 */
export function withinScope<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, scope: RowScope, columns: ScopeColumns<DB, TB>): ExpressionWrapper<DB, TB, SqlBool> {
  return eb.and([
    ...(scope.provinceCode === undefined ? [] : [eb(sql.ref<string>(columns.province), '=', scope.provinceCode)]),
    ...(scope.personalId === undefined ? [] : [eb(sql.ref<string>(columns.person), '=', scope.personalId)]),
  ]);
}
