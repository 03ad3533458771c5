import DataLoader from 'dataloader';
import { alignByKey, groupByKeys, perArgument, type Database, type LoadersByArgument } from '../../../lib/db';
import { seriesKey, type Series } from '../../../lib/graphql/series';
import { missingKeysLoader, ownHealth, type OwnHealth, type ReferenceHealth } from '../../../lib/data-health';
import type { RowScope } from '../../../lib/subgraph';
import { findAgencies, type AgencyRecord } from './agency.repository';
import { agenciesHealth, CIVIL_SERVANTS_HEALTH, missingServants, servantIdsByProvince } from './data-health.repository';
import { countCivilServantsByAgency, findCivilServants, type CivilServantRecord } from './civil-servant.repository';
import { pointThresholds, staffingPoints } from '../rules/staffing-series';
import type { StaffingPoint } from '../types/staffing-point.type';
import { staffingOfProvinces, startsByPoint, type StaffingRecord } from './staffing.repository';
import type { Tables } from './tables';

/** Per-request loaders: every key asked for within one tick becomes one statement. */
export interface Loaders {
  /** Servants in the caller's jurisdiction; null for the others, as for citizens who are not servants. */
  civilServant: DataLoader<string, CivilServantRecord | null>;
  agency: DataLoader<string, AgencyRecord | null>;
  civilServantCount: DataLoader<string, number>;
  staffing: DataLoader<string, StaffingRecord>;
  /** Servants at each point of a series, by province code. */
  staffingSeries: LoadersByArgument<Series, DataLoader<string, StaffingPoint[]>>;
  /** The database's own data health, by province code. */
  ownHealth: DataLoader<string, OwnHealth>;
  /** Servants' agencies checked against the agencies, by province code. */
  agencies: DataLoader<string, ReferenceHealth>;
  /** Personal IDs of each province's servants, for residents to check. */
  servantIds: DataLoader<string, string[]>;
  /** Of lists of well-formed personal IDs, those of no servant (one statement for all). */
  missingServants: DataLoader<readonly string[], ReadonlySet<string>>;
}

/**
 * Loaders live for one request, so they close over its caller's row scope: a cached row can
 * never be served to a caller who may not see it.
 */
export function createLoaders(db: Database<Tables>, scope: RowScope): Loaders {
  return {
    civilServant: new DataLoader(async (ids) => alignByKey(ids, await findCivilServants(db, scope, ids), (r) => r.personalId)),
    agency: new DataLoader(async (codes) => alignByKey(codes, await findAgencies(db, codes), (r) => r.code)),
    civilServantCount: new DataLoader(async (codes) =>
      alignByKey(codes, await countCivilServantsByAgency(db, codes), (r) => r.agencyCode).map((r) => r?.civilServants ?? 0),
    ),
    staffing: new DataLoader((codes) => staffingOfProvinces(db, codes)),
    staffingSeries: perArgument(
      seriesKey,
      (series) =>
        new DataLoader(async (codes) => {
          const starts = await startsByPoint(db, codes, pointThresholds(series.buckets));
          return groupByKeys(codes, starts, (s) => [s.provinceCode]).map((own) => staffingPoints(series.buckets, own));
        }),
    ),
    ownHealth: new DataLoader((codes) => ownHealth(db.kysely, CIVIL_SERVANTS_HEALTH, codes)),
    agencies: new DataLoader(async (codes) => {
      const byProvince = await agenciesHealth(db, codes);
      return codes.map((code) => byProvince.get(code)!);
    }),
    servantIds: new DataLoader(async (codes) => groupByKeys(codes, await servantIdsByProvince(db, codes), (s) => [s.provinceCode]).map((own) => own.map((s) => s.personalId))),
    missingServants: missingKeysLoader((ids) => missingServants(db, ids)),
  };
}
