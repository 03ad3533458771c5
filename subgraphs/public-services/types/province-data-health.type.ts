import { provinceDataHealthType, type ProvinceDataHealthRef } from '../../../lib/data-health';

/** Owned by residents; public-services adds its database's figures and checks the dossier codes payments name. */
export const ProvinceDataHealth = provinceDataHealthType(['paymentDossierCodes']);
export type ProvinceDataHealth = ProvinceDataHealthRef;
