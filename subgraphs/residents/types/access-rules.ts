import { requiresScopes } from '../../../lib/auth';

/** Basic personal data: names, birth, sex, addresses, household and family links. */
export const RESIDENTS_READ = requiresScopes(['residents:read']);
