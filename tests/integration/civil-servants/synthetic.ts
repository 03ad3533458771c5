import type { SeedOptions } from '../../../lib/subgraph';
import { generateAgencies, generateCitizens, selectCivilServants, type SyntheticCivilServantBase } from '../../../lib/synthetic';
import { civilServantDetailsDrawer, type CivilServantDetails } from '../../../subgraphs/civil-servants/data/civil-servant-details';

export interface ExpectedCivilServant {
  person: SyntheticCivilServantBase;
  details: CivilServantDetails;
}

/** What the seed must have written, recomputed from the same generators the seed uses. */
export function expectedCivilServants({ seed, scale, asOf }: SeedOptions): ExpectedCivilServant[] {
  const draw = civilServantDetailsDrawer(seed, asOf);
  return [...selectCivilServants(generateCitizens(seed, scale, asOf), seed, asOf)].map((person) => ({ person, details: draw(person) }));
}

/** Citizens of the same synthetic population who are not civil servants. */
export function nonServantIds(options: SeedOptions, count: number): string[] {
  const servants = new Set(expectedCivilServants(options).map((s) => s.person.personalId));
  const ids: string[] = [];
  for (const citizen of generateCitizens(options.seed, options.scale, options.asOf)) {
    if (ids.length === count) break;
    if (!servants.has(citizen.personalId)) ids.push(citizen.personalId);
  }
  return ids;
}

export const agencyByCode = new Map(generateAgencies().map((a) => [a.code, a]));

/** Response text must never leak internals. */
export const leaksInternals = (body: unknown): boolean => /stacktrace|SELECT |civil_servants|postgres|at .+\.ts:\d+/i.test(JSON.stringify(body));
