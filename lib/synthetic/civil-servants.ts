import type { Sex } from '../domain/personal-id';
import { CENTRAL_AGENCIES, communeAgencyCode, PROVINCE_DEPARTMENTS, provinceAgencyCode } from './agencies';
import { populationYear, type SyntheticCitizen } from './population';
import { Random } from './random';

export interface SyntheticCivilServantBase {
  personalId: string;
  sex: Sex;
  birthYear: number;
  /** Province of the agency they work in (their jurisdiction for row filtering). */
  provinceCode: string;
  agencyCode: string;
}

/** About 2.5 million records for 101 million people. */
const SHARE_OF_WORKING_AGE = 0.04;
const CAPITAL = '01';

/**
 * Picks civil servants out of the population stream: alive, aged 23–62 in the population's year, a few percent,
 * each in an agency of the province they live in (central ministries sit in Hà Nội).
 */
export function* selectCivilServants(citizens: Iterable<SyntheticCitizen>, seed: number, asOf: Date): Generator<SyntheticCivilServantBase> {
  const random = new Random(seed, 'civil-servants');
  const year = populationYear(asOf);
  for (const citizen of citizens) {
    const birthYear = Number(citizen.birthDate.slice(0, 4));
    const age = year - birthYear;
    if (citizen.deathDate || age < 23 || age > 62 || !random.chance(SHARE_OF_WORKING_AGE)) continue;
    const level = random.next();
    const agencyCode =
      citizen.provinceCode === CAPITAL && level < 0.15
        ? random.pick(CENTRAL_AGENCIES)
        : level < 0.55
          ? provinceAgencyCode(citizen.provinceCode, random.pick(PROVINCE_DEPARTMENTS))
          : communeAgencyCode(citizen.communeCode);
    yield { personalId: citizen.personalId, sex: citizen.sex, birthYear, provinceCode: citizen.provinceCode, agencyCode };
  }
}
