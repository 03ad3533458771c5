import { provinceDataHealthType, type ProvinceDataHealthRef } from '../../../lib/data-health';

/** Owned by residents; civil-servants adds its database's figures and checks the handlers dossiers name. */
export const ProvinceDataHealth = provinceDataHealthType(['dossierHandlerIds']);
export type ProvinceDataHealth = ProvinceDataHealthRef;
