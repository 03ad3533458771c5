import type { Ctx } from '../context';
import { dossierInScope } from '../rules/dossier-scope';
import { dossierCodeParts } from '../rules/payment-input';
import type { Dossier } from '../types/dossier.type';

/**
 * Payments knows a dossier by its code alone; a code that cannot be a dossier's, or one of a
 * province outside the caller's jurisdiction, resolves to null.
 */
export const resolveDossierReference = ({ code }: { code: string }, ctx: Ctx): Dossier | null => {
  const parts = dossierCodeParts(code);
  return parts && dossierInScope(ctx.scope, parts.provinceCode) ? { code } : null;
};
