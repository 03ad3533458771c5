import { isLegacyProvinceCode } from './provinces';

export type Sex = 'MALE' | 'FEMALE';

/** What a personal ID number (số định danh cá nhân) says about its holder. */
export interface PersonalIdParts {
  /** 3-digit legacy code of the province where the birth was registered. */
  legacyProvinceCode: string;
  sex: Sex;
  birthYear: number;
  /** The six random digits. */
  serial: string;
}

export type PersonalIdCheck = { ok: true; parts: PersonalIdParts } | { ok: false; reason: string };

const FIRST_CENTURY = 1900;

/**
 * Structural validation per the Law on Identification: there is no check digit, so a number
 * is valid when its province prefix is known and its sex/century digit gives a birth year
 * that is not in the future.
 */
export function checkPersonalId(value: string, now: Date = new Date()): PersonalIdCheck {
  if (!/^\d{12}$/.test(value)) return { ok: false, reason: 'a personal ID is exactly 12 digits' };
  const legacyProvinceCode = value.slice(0, 3);
  if (!isLegacyProvinceCode(legacyProvinceCode)) {
    return { ok: false, reason: `${legacyProvinceCode} is not a province code of birth registration` };
  }
  const centuryDigit = Number(value[3]);
  const birthYear = FIRST_CENTURY + Math.floor(centuryDigit / 2) * 100 + Number(value.slice(4, 6));
  if (birthYear > now.getUTCFullYear()) return { ok: false, reason: `birth year ${birthYear} is in the future` };
  return {
    ok: true,
    parts: { legacyProvinceCode, sex: centuryDigit % 2 === 0 ? 'MALE' : 'FEMALE', birthYear, serial: value.slice(6) },
  };
}

export const isPersonalId = (value: string): boolean => checkPersonalId(value).ok;

/** Builds the number for a holder; the inverse of `checkPersonalId`. */
export function formatPersonalId({ legacyProvinceCode, sex, birthYear, serial }: PersonalIdParts): string {
  const century = Math.floor((birthYear - FIRST_CENTURY) / 100);
  if (century < 0 || century > 4) throw new RangeError(`birth year ${birthYear} has no century digit`);
  const centuryDigit = century * 2 + (sex === 'FEMALE' ? 1 : 0);
  return `${legacyProvinceCode}${centuryDigit}${String(birthYear % 100).padStart(2, '0')}${serial}`;
}

/** Whether a stored sex and birth year agree with what the number encodes. */
export function personalIdMatches(value: string, sex: Sex, birthYear: number): boolean {
  const check = checkPersonalId(value);
  return check.ok && check.parts.sex === sex && check.parts.birthYear === birthYear;
}
