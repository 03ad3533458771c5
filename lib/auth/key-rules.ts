import { AUTHENTICATED, requiresScopes } from './directives';

/*
 * The rules of the key fields of the entities several subgraphs declare, written once. Composition
 * needs the same text on a key in every subgraph that declares the entity, and the supergraph then
 * shows one rule for it. A personal-data key also carries `PERSONAL_DATA`, as every field about a
 * person does.
 */

/** Citizen.personalId: any of the scopes through which a caller may reach a citizen. Personal data. */
export const CITIZEN_KEY_RULE = requiresScopes(['residents:read'], ['civil-servants:read'], ['dossiers:read'], ['payments:read'], ['audit:self'], ['audit:read']);

/** CivilServant.personalId: servants are reached from their e-dossier or from the dossiers they handle. Personal data. */
export const CIVIL_SERVANT_KEY_RULE = requiresScopes(['civil-servants:read'], ['dossiers:read']);

/** Dossier.code: payment readers reach dossiers through payments. Personal data of the applicant. */
export const DOSSIER_KEY_RULE = requiresScopes(['dossiers:read'], ['payments:read']);

/** Province.code: reference data. */
export const PROVINCE_KEY_RULE = AUTHENTICATED;

/** Procedure.code: reference data. */
export const PROCEDURE_KEY_RULE = AUTHENTICATED;

/** ProvinceDataHealth.provinceCode: the key of a province's data-health figures, which are aggregates. */
export const DATA_HEALTH_KEY_RULE = AUTHENTICATED;
