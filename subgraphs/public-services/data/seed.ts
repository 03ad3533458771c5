import { copyRows, withoutSecondaryStructures, withTalliesRebuilt, type Database } from '../../../lib/db';
import { DossierStatus, ESSENTIAL_PROCEDURES, isResidenceBound } from '../../../lib/domain';
import type { SeedOptions } from '../../../lib/subgraph';
import { FAULTS, Faults, generateDossiers, type SyntheticDossier } from '../../../lib/synthetic';
import { DOSSIER_DAYS } from './dossier-tallies';
import type { PublicServicesTables } from './tables';

/** Dossiers per COPY: bounds memory (a batch holds its histories) while keeping COPYs few. */
const BATCH = 25_000;

const DOSSIER_COLUMNS = [
  'code', 'procedure_code', 'applicant_id', 'province_code', 'commune_code', 'channel',
  'status', 'submitted_at', 'due_at', 'completed_at', 'handler_id', 'updated_at',
] as const;

const EVENT_COLUMNS = ['dossier_code', 'action', 'from_status', 'to_status', 'at', 'actor_id'] as const;

/** A fee-free dossier submitted this long before the seed's day may be planted stuck: idle for months. */
const STUCK_AFTER_MS = 120 * 86_400_000;

/**
 * A dossier as seeded, with the faults planted in it (lib/synthetic/faults.ts): an applicant
 * nobody holds or who is no personal ID, a handler who is no civil servant, no commune, and
 * — for a fee-free dossier months old that reached processing — a lifecycle that stopped there,
 * still owed an answer. Fee-free ones only, so payments (seeded from the clean lifecycles) agree.
 */
export interface SeededDossier extends Omit<SyntheticDossier, 'communeCode'> {
  communeCode: string | null;
}

export function seededDossier(dossier: SyntheticDossier, faults: Faults, asOf: Date): SeededDossier {
  const key = dossier.code;
  const processing = dossier.history.findIndex((h) => h.action === 'START_PROCESSING');
  const stuck =
    faults.has(FAULTS.stuckDossier, key) && dossier.fee === 0 && dossier.submittedAt.getTime() < asOf.getTime() - STUCK_AFTER_MS && processing >= 0;
  const history = stuck ? dossier.history.slice(0, processing + 1) : dossier.history;
  return {
    ...dossier,
    applicantId: faults.personalId({ dangling: FAULTS.danglingApplicant, malformed: FAULTS.malformedApplicant }, key, dossier.applicantId),
    handlerId: faults.personalId({ dangling: FAULTS.danglingHandler }, key, dossier.handlerId),
    communeCode: faults.has(FAULTS.missingCommune, key) ? null : dossier.communeCode,
    history,
    status: history.at(-1)!.status,
    completedAt: stuck ? null : dossier.completedAt,
  };
}

function* dossierRows(batch: readonly SeededDossier[]) {
  for (const d of batch) {
    yield [
      d.code, d.procedureCode, d.applicantId, d.provinceCode, d.communeCode, d.channel,
      DossierStatus[d.status], d.submittedAt, d.dueAt, d.completedAt, d.handlerId, d.history.at(-1)!.at,
    ];
  }
}

function* eventRows(batch: readonly SeededDossier[]) {
  for (const d of batch) {
    let from: number | null = null;
    for (const entry of d.history) {
      const to = DossierStatus[entry.status];
      yield [d.code, entry.action, from, to, entry.at, entry.actorId];
      from = to;
    }
  }
}

/** Foreign keys are set aside during the load, so both tables take a batch at once. */
async function copyBatch(db: Database<PublicServicesTables>, batch: readonly SeededDossier[]): Promise<void> {
  await Promise.all([
    copyRows(db.pool, 'dossiers', DOSSIER_COLUMNS, dossierRows(batch)),
    copyRows(db.pool, 'dossier_events', EVENT_COLUMNS, eventRows(batch)),
  ]);
}

/** The procedure catalog is reference data: kept in step with lib/domain on every seed. */
async function upsertProcedures(db: Database<PublicServicesTables>): Promise<void> {
  await db.kysely
    .insertInto('procedures')
    .values(
      ESSENTIAL_PROCEDURES.map((p) => ({ code: p.code, name: p.name, name_en: p.nameEn, sector: p.sector, processing_days: p.processingDays, residence_bound: isResidenceBound(p) })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        name_en: eb.ref('excluded.name_en'),
        sector: eb.ref('excluded.sector'),
        processing_days: eb.ref('excluded.processing_days'),
        residence_bound: eb.ref('excluded.residence_bound'),
      })),
    )
    .execute();
}

/**
 * Streams the synthetic year of dossiers (lib/synthetic) into COPY batches: the same options
 * give the same rows, event ids included, so other subgraphs can rely on dossier codes.
 */
export async function seedPublicServices(db: Database<PublicServicesTables>, { seed, scale, asOf, faultRate }: SeedOptions): Promise<void> {
  await upsertProcedures(db);
  const faults = new Faults(seed, faultRate);
  const load = () => withoutSecondaryStructures(db.pool, ['dossiers', 'dossier_events'], async () => {
    let batch: SeededDossier[] = [];
    for (const dossier of generateDossiers(seed, scale, asOf)) {
      batch.push(seededDossier(dossier, faults, asOf));
      if (batch.length === BATCH) {
        await copyBatch(db, batch);
        batch = [];
      }
    }
    await copyBatch(db, batch);
  });
  await withTalliesRebuilt(db.pool, [DOSSIER_DAYS], load);
  // Fresh statistics for the planner; VACUUM also marks pages all-visible so the partial index
  // of open dossiers answers without touching the table.
  await db.pool.query('VACUUM (ANALYZE) dossiers, dossier_days');
  await db.pool.query('ANALYZE dossier_events');
}

export async function isPublicServicesEmpty(db: Database<PublicServicesTables>): Promise<boolean> {
  const row = await db.kysely.selectFrom('dossiers').select('code').limit(1).executeTakeFirst();
  return row === undefined;
}
