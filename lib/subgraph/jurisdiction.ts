import type { Caller } from '../auth/caller';
import type { RowScope } from '../db';
import { AppError } from '../errors';

export type { RowScope };

/** The rows a caller may see: a province-bound caller their province's, a citizen their own, a national caller all, no caller none. */
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

/** What a caller is told when they name a province they may not act in or aggregate. */
export const outsideJurisdiction = (provinceCode: string): AppError => new AppError('FORBIDDEN', `Province ${provinceCode} is outside your jurisdiction.`);

/**
 * Refuses a province's aggregate indicators to a caller whose jurisdiction does not cover it.
 * Called before counting, so a refused caller never makes the database add anything up.
 */
export function checkMayAggregate(scope: RowScope, provinceCode: string): void {
  if (!mayAggregate(scope, provinceCode)) throw outsideJurisdiction(provinceCode);
}
