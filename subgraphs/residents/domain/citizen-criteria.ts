import { badInput } from '../../../lib/errors';

/** The citizen filter as a client sends it. */
export interface CitizenFilterInput {
  provinceCode?: string | null;
  birthYearFrom?: number | null;
  birthYearTo?: number | null;
  namePrefix?: string | null;
}

/** The same filter checked and shaped for a query: dates as half-open bounds, the name folded. */
export interface CitizenCriteria {
  provinceCode?: string;
  /** First birth date included, YYYY-MM-DD. */
  bornOnOrAfter?: string;
  /** First birth date excluded, YYYY-MM-DD. */
  bornBefore?: string;
  /** Lower-case, NFC-normalised start of the full name. */
  namePrefix?: string;
}

/** The years a personal ID's sex/century digit can encode. */
export const BIRTH_YEARS = { min: 1900, max: 2399 } as const;
export const NAME_PREFIX_MAX_LENGTH = 50;

function checkYear(year: number | null | undefined, argument: string): number | undefined {
  if (year === null || year === undefined) return undefined;
  if (year < BIRTH_YEARS.min || year > BIRTH_YEARS.max) {
    throw badInput(`${argument} must be between ${BIRTH_YEARS.min} and ${BIRTH_YEARS.max}.`, { argument });
  }
  return year;
}

export function citizenCriteria(filter: CitizenFilterInput | null | undefined): CitizenCriteria {
  if (!filter) return {};
  const from = checkYear(filter.birthYearFrom, 'filter.birthYearFrom');
  const to = checkYear(filter.birthYearTo, 'filter.birthYearTo');
  if (from !== undefined && to !== undefined && from > to) {
    throw badInput(`birthYearFrom (${from}) is after birthYearTo (${to}).`, { argument: 'filter.birthYearFrom' });
  }
  const criteria: CitizenCriteria = {};
  if (filter.provinceCode) criteria.provinceCode = filter.provinceCode;
  if (from !== undefined) criteria.bornOnOrAfter = `${from}-01-01`;
  if (to !== undefined) criteria.bornBefore = `${to + 1}-01-01`;
  if (filter.namePrefix !== null && filter.namePrefix !== undefined) {
    const prefix = filter.namePrefix.normalize('NFC');
    if (prefix.length < 1 || prefix.length > NAME_PREFIX_MAX_LENGTH) {
      throw badInput(`namePrefix must be 1 to ${NAME_PREFIX_MAX_LENGTH} characters long.`, { argument: 'filter.namePrefix' });
    }
    criteria.namePrefix = prefix.toLowerCase();
  }
  return criteria;
}
