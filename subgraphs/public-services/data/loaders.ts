import DataLoader from 'dataloader';
import { alignByKey, groupByKeys, perArgument, type Database } from '../../../lib/db';
import type { Period } from '../../../lib/graphql/period';
import { seriesKey } from '../../../lib/graphql/series';
import { missingKeysLoader, ownHealth } from '../../../lib/data-health';
import type { RowScope } from '../../../lib/subgraph';
import { toStatistics, type DossierStatisticsRecord } from '../rules/statistics';
import type { DossierRecord } from './dossier-record';
import { findDossiersByCodes, findLatestDossiers, type DossierOwner, type LatestRequest } from './dossier.repository';
import { findHistories, type DossierEventRecord } from './dossier-event.repository';
import { missingDossiers, namedByDossiers, PUBLIC_SERVICES_HEALTH } from './data-health.repository';
import { countDossiers, countDossiersByBucket } from './dossier-statistics.repository';
import { findProceduresByCodes, type ProcedureRecord } from './procedure.repository';
import type { PublicServicesTables } from './tables';

type Db = Database<PublicServicesTables>;

const latestLoader = (db: Db, scope: RowScope, owner: DossierOwner) =>
  new DataLoader<LatestRequest, DossierRecord[], string>((requests) => findLatestDossiers(db, scope, owner, requests), {
    cacheKeyFn: (r) => `${r.limit}:${r.personalId}`,
  });

const NOTHING_COUNTED = { received: 0, online: 0, completed: 0, completedOnTime: 0, overdue: 0 };

export interface StatisticsKey {
  provinceCode: string;
  period: Period;
}

/**
 * One set per request: every list and reference below costs one statement per batch, and
 * every dossier read is limited to the caller's rows (`scope`), so nothing cached here was
 * read for anyone else.
 */
export function createLoaders(db: Db, scope: RowScope) {
  return {
    procedure: new DataLoader<string, ProcedureRecord | null>(async (codes) => alignByKey(codes, await findProceduresByCodes(db, codes), (p) => p.code)),
    dossier: new DataLoader<string, DossierRecord | null>(async (codes) => alignByKey(codes, await findDossiersByCodes(db, scope, codes), (d) => d.code)),
    history: new DataLoader<string, DossierEventRecord[]>(async (codes) => groupByKeys(codes, await findHistories(db, scope, codes), (e) => [e.dossierCode])),
    applicantDossiers: latestLoader(db, scope, 'applicant_id'),
    handlerDossiers: latestLoader(db, scope, 'handler_id'),
    statistics: new DataLoader<StatisticsKey, DossierStatisticsRecord, string>(
      async (keys) => {
        const counts = await countDossiers(db, keys);
        return keys.map((key, i) => toStatistics(key.period, counts[i]!));
      },
      { cacheKeyFn: ({ provinceCode, period }) => `${provinceCode}:${period.from}:${period.to}` },
    ),
    ownHealth: new DataLoader((codes: readonly string[]) => ownHealth(db.kysely, PUBLIC_SERVICES_HEALTH, codes)),
    /** Applicants and handlers each province's dossiers name. */
    namedByDossiers: new DataLoader(async (codes: readonly string[]) =>
      groupByKeys(codes, await namedByDossiers(db, codes), (d) => [d.provinceCode]).map((dossiers) => ({
        applicants: dossiers.map((d) => d.applicantId),
        handlers: dossiers.flatMap((d) => (d.handlerId === null ? [] : [d.handlerId])),
      })),
    ),
    missingDossiers: missingKeysLoader((codes) => missingDossiers(db, codes)),
    series: perArgument(
      seriesKey,
      (series) =>
        new DataLoader<string, DossierStatisticsRecord[]>(async (provinceCodes) => {
          const rows = await countDossiersByBucket(db, provinceCodes, series);
          const starts = series.buckets.map((bucket) => bucket.start);
          return groupByKeys(provinceCodes, rows, (r) => [r.provinceCode]).map((counted) =>
            alignByKey(starts, counted, (c) => c.bucket).map((counts, i) => toStatistics(series.buckets[i]!, counts ?? NOTHING_COUNTED)),
          );
        }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** After a write, nothing this request cached about dossiers may be served again. */
export function forgetDossier(loaders: Loaders, dossier: DossierRecord): void {
  loaders.dossier.clear(dossier.code).prime(dossier.code, dossier);
  loaders.history.clear(dossier.code);
  loaders.applicantDossiers.clearAll();
  loaders.handlerDossiers.clearAll();
  loaders.statistics.clearAll();
  loaders.series.clearAll();
}
