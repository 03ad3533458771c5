import type { RowScope } from '../../../lib/subgraph';

/**
 * Whether a dossier, known here by the province in its code, is in the caller's jurisdiction.
 * Payments does not know a dossier's applicant, so a citizen's scope limits their payments
 * (see data/payment-scope.ts), not the dossiers they name.
 */
export const dossierInScope = (scope: RowScope, provinceCode: string): boolean => scope.provinceCode === undefined || scope.provinceCode === provinceCode;
