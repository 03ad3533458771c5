import { dossierCodeParts } from '../rules/payment-input';
import type { Dossier } from '../types/dossier.type';

/** Payments knows a dossier by its code alone; a code that cannot be a dossier's resolves to null. */
export const resolveDossierReference = ({ code }: { code: string }): Dossier | null => (dossierCodeParts(code) ? { code } : null);
