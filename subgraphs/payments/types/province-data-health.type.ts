import { provinceDataHealthType, type ProvinceDataHealthRef } from '../../../lib/data-health';

/** Owned by residents; payments adds its database's figures and the payers and dossiers its payments name. */
export const ProvinceDataHealth = provinceDataHealthType([]);
export type ProvinceDataHealth = ProvinceDataHealthRef;
