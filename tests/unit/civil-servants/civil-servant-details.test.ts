import { RANKS } from '../../../lib/domain';
import { generateCitizens, selectCivilServants } from '../../../lib/synthetic';
import { civilServantDetailsDrawer } from '../../../subgraphs/civil-servants/data/civil-servant-details';
import { fullYearsBetween } from '../../../subgraphs/civil-servants/data/years-of-service';

const AS_OF = new Date('2026-11-01T03:00:00Z');
const AS_OF_DAY = '2026-11-01';
const people = [...selectCivilServants(generateCitizens(6, 100_000, AS_OF), 6, AS_OF)];
const draw = (seed: number) => {
  const drawer = civilServantDetailsDrawer(seed, AS_OF);
  return people.map((person) => ({ person, details: drawer(person) }));
};
const drawn = draw(6);

describe('civil-servants: drawing civil servant details', () => {
  test('gives the same details for the same seed and different details for another', () => {
    expect(draw(6)).toEqual(drawn);
    expect(draw(7).map((d) => d.details)).not.toEqual(drawn.map((d) => d.details));
  });

  test('draws ranks about 70% A1, 25% A2 and 5% A3', () => {
    const share = (grade: string) => drawn.filter((d) => d.details.rank.grade === grade).length / drawn.length;
    expect(share('A1')).toBeCloseTo(0.7, 1);
    expect(share('A2')).toBeCloseTo(0.25, 1);
    expect(share('A3')).toBeCloseTo(0.05, 1);
  });

  test('starts service on or after 1 January of the year one turns 23, and no later than asOf', () => {
    for (const { person, details } of drawn) {
      expect(details.startDate >= `${person.birthYear + 23}-01-01`).toBe(true);
      expect(details.startDate <= AS_OF_DAY).toBe(true);
    }
  });

  test('climbs a step every three years of service, capped at the rank\'s last step, paid at that step\'s coefficient', () => {
    for (const { details } of drawn) {
      const years = fullYearsBetween(details.startDate, AS_OF_DAY);
      expect(details.salaryStep).toBe(Math.min(details.rank.coefficients.length, 1 + Math.floor(years / 3)));
      expect(details.salaryCoefficient).toBe(details.rank.coefficients[details.salaryStep - 1]);
    }
    for (const rank of RANKS) expect(drawn.some((d) => d.details.rank === rank && d.details.salaryStep === rank.coefficients.length)).toBe(true);
  });

  test('declares an annual income above the annual salary, in whole thousands of đồng', () => {
    for (const { details } of drawn) {
      expect(details.declaredAnnualIncome % 1000).toBe(0);
      expect(details.declaredAnnualIncome).toBeGreaterThan(details.salaryCoefficient * 2_340_000 * 12);
    }
  });
});
