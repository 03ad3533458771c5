import DataLoader from 'dataloader';
import { alignByKey, groupByKeys, type Database } from '../../../lib/db';
import { vietnamDay } from '../domain/age';
import { tallyPopulation, type PopulationTally } from '../domain/population';
import { childrenOf, citizensByIds, citizensOfHouseholds, type CitizenRecord } from './citizen.repository';
import { householdsByIds, type HouseholdRecord } from './household.repository';
import { populationCounts } from './population.repository';
import type { ResidentsTables } from './tables';

/** Per-request loaders: every look-up by key made while resolving one operation becomes one statement per batch. */
export interface ResidentsLoaders {
  citizen: DataLoader<string, CitizenRecord | null>;
  household: DataLoader<string, HouseholdRecord | null>;
  /** Members by household id, head first. */
  householdMembers: DataLoader<string, CitizenRecord[]>;
  /** Children by the personal ID of either parent. */
  children: DataLoader<string, CitizenRecord[]>;
  /** Living population by 2025 province code. */
  population: DataLoader<string, PopulationTally>;
}

export function createLoaders(db: Database<ResidentsTables>): ResidentsLoaders {
  const citizen = new DataLoader<string, CitizenRecord | null>(async (ids) =>
    alignByKey(ids, await citizensByIds(db, ids), (c) => c.personalId),
  );
  // Citizens fetched through a list are cached by ID too, so following a link to them costs nothing.
  const primed = (rows: CitizenRecord[]): CitizenRecord[] => {
    for (const row of rows) citizen.prime(row.personalId, row);
    return rows;
  };
  return {
    citizen,
    household: new DataLoader(async (ids) => alignByKey(ids, await householdsByIds(db, ids), (h) => h.id)),
    householdMembers: new DataLoader(async (ids) =>
      groupByKeys(ids, primed(await citizensOfHouseholds(db, ids)), (c) => [c.householdId]),
    ),
    children: new DataLoader(async (parentIds) =>
      groupByKeys(parentIds, primed(await childrenOf(db, parentIds)), (c) => [c.fatherId, c.motherId]),
    ),
    population: new DataLoader(async (codes) => {
      const counts = await populationCounts(db, codes, vietnamDay());
      return groupByKeys(codes, counts, (c) => [c.provinceCode]).map(tallyPopulation);
    }),
  };
}
