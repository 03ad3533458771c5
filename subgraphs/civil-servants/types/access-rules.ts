import { requiresScopes } from '../../../lib/auth';

/**
 * The scopes of the access contract this subgraph's fields need, named once. The keys' rules
 * have the same text in every subgraph that declares Citizen or CivilServant, so the supergraph
 * shows one rule for each: any of the scopes through which a caller may reach the person.
 */
export const CITIZEN_KEY_SCOPES = requiresScopes(['residents:read'], ['civil-servants:read'], ['dossiers:read'], ['payments:read'], ['audit:self'], ['audit:read']);
export const CIVIL_SERVANT_KEY_SCOPES = requiresScopes(['civil-servants:read'], ['dossiers:read']);

/** A public servant's e-dossier: post, agency, rank, salary, service. */
export const CIVIL_SERVANTS_READ = requiresScopes(['civil-servants:read']);

/** Staffing figures: counts of servants, no individual. */
export const STAFFING_AGGREGATE = requiresScopes(['staffing:aggregate']);
