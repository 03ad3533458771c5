import { requiresScopes } from '../../../lib/auth';

/** Dossiers and their history: personal data of the applicant, for dossier readers only. */
export const DOSSIERS_READ = requiresScopes(['dossiers:read']);
