import { requiresScopes } from '../../../lib/auth';

/** A public servant's e-dossier: post, agency, rank, salary, service. */
export const CIVIL_SERVANTS_READ = requiresScopes(['civil-servants:read']);

/** Staffing figures: counts of servants, no individual. */
export const STAFFING_AGGREGATE = requiresScopes(['staffing:aggregate']);
