import { generateCitizens, generateDossiers, generateHouseholds, generatePayments, selectCivilServants } from '../../../lib/synthetic';
import { README, README_SEED, readmeOperations } from '../../support/readme-examples';

/*
 * The README's IDs exist in the default seed whatever day it is made (LT_SEED_AS_OF defaults to
 * today): checked on the synthetic generators for days across years, before and after New Year.
 */

const DAYS = [new Date().toISOString().slice(0, 10), '2027-01-01', '2028-02-29', '2031-07-15'];
const PROFILED = '067179692851';
const { seed, scale } = README_SEED;

const examples = readmeOperations();
const personalIdsIn = (text: string) => [...text.matchAll(/(?<![\d-])\d{12}(?![\d-])/g)].map((m) => m[0]);
const exampleIds = [...new Set(examples.flatMap((e) => personalIdsIn([e.source, ...e.tokenArguments].join(' '))))];

describe('The README examples: their IDs in the default seed', () => {
  test('name personal IDs, and profile the citizen the README describes', () => {
    expect(exampleIds).toContain(PROFILED);
    expect(README).toContain(`\`${PROFILED}\` is a public servant of Huế, in a household of\nsix, with paid dossiers`);
  });

  describe.each(DAYS)('seeded as of %s', (day) => {
    const asOf = new Date(`${day}T03:00:00Z`);

    test('every personal ID of the examples is a citizen', () => {
      const citizens = new Set([...generateCitizens(seed, scale, asOf)].map((c) => c.personalId));
      expect(exampleIds.filter((id) => !citizens.has(id))).toEqual([]);
    });

    test(`${PROFILED} lives in Huế in a household of six, is a public servant, and has paid dossiers`, () => {
      const household = [...generateHouseholds(seed, scale, asOf)].find((h) => h.members.some((m) => m.personalId === PROFILED))!;
      expect({ province: household.provinceCode, members: household.members.length }).toEqual({ province: '46', members: 6 });
      expect([...selectCivilServants(generateCitizens(seed, scale, asOf), seed, asOf)].some((s) => s.personalId === PROFILED)).toBe(true);
      const paid = [...generatePayments(generateDossiers(seed, scale, asOf), seed)].filter((p) => p.payerId === PROFILED && p.status === 'PAID');
      expect(paid.length).toBeGreaterThan(0);
    });
  });
});
