import { requiresScopes } from '../../../lib/auth';

/**
 * The scopes of the access contract this subgraph's fields need, named once. The key's rule
 * has the same text in every subgraph that declares Citizen, so the supergraph shows one rule
 * for it: any of the scopes through which a caller may reach a citizen.
 */
export const CITIZEN_KEY_SCOPES = requiresScopes(['residents:read'], ['civil-servants:read'], ['dossiers:read'], ['payments:read'], ['audit:self'], ['audit:read']);

/** Basic personal data: names, birth, sex, addresses, household and family links. */
export const RESIDENTS_READ = requiresScopes(['residents:read']);
