import { generateHouseholds, type SyntheticCitizen, type SyntheticHousehold } from '../../../lib/synthetic';
import { testSeed } from '../../support/test-subgraph';

/**
 * What the seeded test database must hold, straight from the generator: an oracle that does
 * not go through the subgraph's SQL.
 */
export interface SyntheticPopulation {
  households: SyntheticHousehold[];
  citizens: SyntheticCitizen[];
  byId: Map<string, SyntheticCitizen>;
}

export function syntheticPopulation(options = testSeed()): SyntheticPopulation {
  const households = [...generateHouseholds(options.seed, options.scale, options.asOf)];
  const citizens = households.flatMap((h) => h.members);
  return { households, citizens, byId: new Map(citizens.map((c) => [c.personalId, c])) };
}

/** Personal IDs in the order the connection lists them. */
export const sortedIds = (citizens: readonly SyntheticCitizen[]): string[] => citizens.map((c) => c.personalId).sort();
