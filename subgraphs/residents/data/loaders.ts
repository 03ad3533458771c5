import DataLoader from 'dataloader';
import { alignByKey, groupByKeys, type Database } from '../../../lib/db';
import type { RowScope } from '../../../lib/subgraph';
import { vietnamDay } from '../domain/age';
import { tallyPopulation, type PopulationTally } from '../domain/population';
import { childrenOf, citizensByIds, citizensOfHouseholds, type CitizenRecord } from './citizen.repository';
import { householdsByIds, type HouseholdRecord } from './household.repository';
import { populationCounts } from './population.repository';
import type { ResidentsTables } from './tables';

/** Per-request loaders: every look-up by key made while resolving one operation becomes one statement per batch. */
export interface ResidentsLoaders {
  /** Citizens in the caller's jurisdiction; null for the others, as for unknown IDs. */
  citizen: DataLoader<string, CitizenRecord | null>;
  household: DataLoader<string, HouseholdRecord | null>;
  /** Members by household id, head first; only those in the caller's jurisdiction. */
  householdMembers: DataLoader<string, CitizenRecord[]>;
  /** Children by the personal ID of either parent; only those in the caller's jurisdiction. */
  children: DataLoader<string, CitizenRecord[]>;
  /** Living population by 2025 province code. */
  population: DataLoader<string, PopulationTally>;
}

/**
 * Loaders live for one request, so they close over its caller's row scope: a cached row can
 * never be served to a caller who may not see it.
 */
export function createLoaders(db: Database<ResidentsTables>, scope: RowScope): ResidentsLoaders {
  const citizen = new DataLoader<string, CitizenRecord | null>(async (ids) =>
    alignByKey(ids, await citizensByIds(db, scope, ids), (c) => c.personalId),
  );
  // Citizens fetched through a list are cached by ID too, so following a link to them costs nothing.
  const primed = (rows: CitizenRecord[]): CitizenRecord[] => {
    for (const row of rows) citizen.prime(row.personalId, row);
    return rows;
  };
  return {
    citizen,
    household: new DataLoader(async (ids) => alignByKey(ids, await householdsByIds(db, scope, ids), (h) => h.id)),
    householdMembers: new DataLoader(async (ids) =>
      groupByKeys(ids, primed(await citizensOfHouseholds(db, scope, ids)), (c) => [c.householdId]),
    ),
    children: new DataLoader(async (parentIds) =>
      groupByKeys(parentIds, primed(await childrenOf(db, scope, parentIds)), (c) => [c.fatherId, c.motherId]),
    ),
    population: new DataLoader(async (codes) => {
      const counts = await populationCounts(db, codes, vietnamDay());
      return groupByKeys(codes, counts, (c) => [c.provinceCode]).map(tallyPopulation);
    }),
  };
}
