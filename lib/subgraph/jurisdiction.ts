import type { Caller } from '../auth/caller';

/**
 * The rows a caller may see, as column values to filter on: a province-bound caller sees
 * rows of that province, a citizen only rows about themself, a national caller everything.
 * Repositories turn this into SQL so out-of-jurisdiction rows look exactly like missing ones.
 */
export interface RowScope {
  provinceCode?: string;
  personalId?: string;
}

export function rowScope(caller: Caller | null): RowScope {
  if (!caller) return { personalId: '' };
  const j = caller.jurisdiction;
  if (j.kind === 'province') return { provinceCode: j.provinceCode };
  if (j.kind === 'self') return { personalId: j.personalId };
  return {};
}

/** Whether one row, known by its province and data subject, is inside a caller's jurisdiction. */
export function inJurisdiction(scope: RowScope, row: { provinceCode?: string | null; personalId?: string | null }): boolean {
  if (scope.provinceCode !== undefined && row.provinceCode !== scope.provinceCode) return false;
  if (scope.personalId !== undefined && row.personalId !== scope.personalId) return false;
  return true;
}

/** Whether a caller may see a province's aggregate indicators. */
export const mayAggregate = (scope: RowScope, provinceCode: string): boolean => scope.personalId === undefined && (scope.provinceCode === undefined || scope.provinceCode === provinceCode);
