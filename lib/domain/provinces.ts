import { LEGACY_PROVINCES, PROVINCES, type ProvinceUnit } from './provinces.data';

export { PROVINCES, LEGACY_PROVINCES, type ProvinceUnit };

const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
const unitOfLegacy = new Map(PROVINCES.flatMap((p) => p.legacyCodes.map((legacy) => [legacy, p] as const)));

export const isProvinceCode = (code: string): boolean => byCode.has(code);

export const provinceByCode = (code: string): ProvinceUnit | undefined => byCode.get(code);

export const isLegacyProvinceCode = (code: string): boolean => code in LEGACY_PROVINCES;

/** The 2025 unit that absorbed a legacy province. */
export const unitOfLegacyCode = (legacyCode: string): ProvinceUnit | undefined => unitOfLegacy.get(legacyCode);
