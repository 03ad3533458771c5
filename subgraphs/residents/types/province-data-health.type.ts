import { provinceDataHealthType, type ProvinceDataHealthRef } from '../../../lib/data-health';

/** Residents answers `Province.dataHealth` and checks the references to citizens the other databases hold. */
export const ProvinceDataHealth = provinceDataHealthType(['dossierApplicantIds', 'paymentPayerIds', 'civilServantIds']);
export type ProvinceDataHealth = ProvinceDataHealthRef;
