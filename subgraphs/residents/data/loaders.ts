import DataLoader from 'dataloader';
import { alignByKey, groupByKeys, perArgument, type Database, type LoadersByArgument } from '../../../lib/db';
import { seriesKey, type Series } from '../../../lib/graphql/series';
import { missingKeysLoader, ownHealth, type OwnHealth, type ReferenceHealth } from '../../../lib/data-health';
import type { RowScope } from '../../../lib/subgraph';
import { vietnamDay } from '../domain/age';
import { tallyPopulation, type PopulationTally, type PopulationTotals } from '../domain/population';
import { populationPoints, type PopulationPoint } from '../domain/population-series';
import { childrenOf, citizensByIds, citizensOfHouseholds, type CitizenRecord } from './citizen.repository';
import { missingCitizens, relativesHealth, RESIDENTS_HEALTH } from './data-health.repository';
import { householdsByIds, type HouseholdRecord } from './household.repository';
import { livingCounts, populationChanges, populationCounts } from './population.repository';
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
  /** Living population by 2025 province code, with its age bands (counted from the citizens). */
  population: DataLoader<string, PopulationTally>;
  /** Living population by 2025 province code, totals only (from the tally). */
  living: DataLoader<string, PopulationTotals>;
  /** Living population at the end of each point of a series, by province code. */
  populationSeries: LoadersByArgument<Series, DataLoader<string, PopulationPoint[]>>;
  /** The population database's own data health, by province code. */
  ownHealth: DataLoader<string, OwnHealth>;
  /** Family links of each province's citizens, checked against the database. */
  relatives: DataLoader<string, ReferenceHealth[]>;
  /** Of lists of well-formed personal IDs, those no citizen holds (one statement for all). */
  missingCitizens: DataLoader<readonly string[], ReadonlySet<string>>;
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
    living: new DataLoader(async (codes) =>
      groupByKeys(codes, await livingCounts(db, codes), (c) => [c.provinceCode]).map((counts) => {
        const of = (sex: string) => counts.find((c) => c.sex === sex)?.living ?? 0;
        return { total: of('MALE') + of('FEMALE'), male: of('MALE'), female: of('FEMALE') };
      }),
    ),
    populationSeries: perArgument(
      seriesKey,
      (series) =>
        new DataLoader(async (codes) => {
          const changes = await populationChanges(db, codes, series.buckets.map((bucket) => bucket.to));
          return groupByKeys(codes, changes, (c) => [c.provinceCode]).map((own) => populationPoints(series.buckets, own));
        }),
    ),
    ownHealth: new DataLoader((codes) => ownHealth(db.kysely, RESIDENTS_HEALTH, codes)),
    relatives: new DataLoader(async (codes) => {
      const byProvince = await relativesHealth(db, codes);
      return codes.map((code) => byProvince.get(code)!);
    }),
    missingCitizens: missingKeysLoader((ids) => missingCitizens(db, ids)),
  };
}
