/**
 * Age bands of provincial population reports (children, youth, young and middle-aged adults,
 * elderly), each from its first age up to the next band's.
 */
export const AGE_BANDS = [
  { band: '0-14', minAge: 0 },
  { band: '15-24', minAge: 15 },
  { band: '25-39', minAge: 25 },
  { band: '40-59', minAge: 40 },
  { band: '60+', minAge: 60 },
] as const;

export type AgeBandLabel = (typeof AGE_BANDS)[number]['band'];

/** Today's calendar day in Vietnam (UTC+7), YYYY-MM-DD: ages turn over at local midnight. */
export { vietnamToday as vietnamDay } from '../../../lib/graphql/period';

/**
 * Whole years from a birth date to a day, both YYYY-MM-DD. A day before the birth gives 0:
 * synthetic births can fall after the day the data was generated.
 */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const hadBirthday = day.slice(5) >= birthDate.slice(5);
  return Math.max(0, hadBirthday ? years : years - 1);
}
