import { LEGACY_PROVINCES, PROVINCES, provinceByCode, type ProvinceUnit } from '../../../lib/domain';
import { COMMUNES } from '../../../lib/synthetic';
import type { Commune } from '../types/commune.type';
import type { LegacyProvince } from '../types/legacy-province.type';
import type { Province } from '../types/province.type';

/**
 * Provinces and communes are reference data held in lib, not tables: these turn their codes,
 * as stored on citizens and households, into the graph's types.
 */

const toProvince = (unit: ProvinceUnit): Province => ({
  code: unit.code,
  name: unit.name,
  kind: unit.kind === 'city' ? 'CITY' : 'PROVINCE',
  legacyCodes: [...unit.legacyCodes],
});

export const allProvinces = (): Province[] => PROVINCES.map(toProvince);

export function findProvince(code: string): Province | null {
  const unit = provinceByCode(code);
  return unit ? toProvince(unit) : null;
}

const communeByCode = new Map(COMMUNES.map((c) => [c.code, c]));

export function findCommune(code: string): Commune | null {
  const commune = communeByCode.get(code);
  return commune ? { code: commune.code, name: commune.name, kind: commune.kind } : null;
}

export function findLegacyProvince(code: string): LegacyProvince | null {
  const name = LEGACY_PROVINCES[code];
  return name === undefined ? null : { code, name };
}
