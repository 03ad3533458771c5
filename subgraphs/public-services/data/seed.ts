import { copyRows, withoutSecondaryStructures, type Database } from '../../../lib/db';
import { DossierStatus, ESSENTIAL_PROCEDURES, isResidenceBound } from '../../../lib/domain';
import type { SeedOptions } from '../../../lib/subgraph';
import { generateDossiers, type SyntheticDossier } from '../../../lib/synthetic';
import type { PublicServicesTables } from './tables';

/** Dossiers per COPY: bounds memory (a batch holds its histories) while keeping COPYs few. */
const BATCH = 25_000;

const DOSSIER_COLUMNS = [
  'code', 'procedure_code', 'applicant_id', 'province_code', 'commune_code', 'channel',
  'status', 'submitted_at', 'due_at', 'completed_at', 'handler_id', 'updated_at',
] as const;

const EVENT_COLUMNS = ['dossier_code', 'action', 'from_status', 'to_status', 'at', 'actor_id'] as const;

function* dossierRows(batch: readonly SyntheticDossier[]) {
  for (const d of batch) {
    yield [
      d.code, d.procedureCode, d.applicantId, d.provinceCode, d.communeCode, d.channel,
      DossierStatus[d.status], d.submittedAt, d.dueAt, d.completedAt, d.handlerId, d.history.at(-1)!.at,
    ];
  }
}

function* eventRows(batch: readonly SyntheticDossier[]) {
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
async function copyBatch(db: Database<PublicServicesTables>, batch: readonly SyntheticDossier[]): Promise<void> {
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
export async function seedPublicServices(db: Database<PublicServicesTables>, { seed, scale, asOf }: SeedOptions): Promise<void> {
  await upsertProcedures(db);
  await withoutSecondaryStructures(db.pool, ['dossiers', 'dossier_events'], async () => {
    let batch: SyntheticDossier[] = [];
    for (const dossier of generateDossiers(seed, scale, asOf)) {
      batch.push(dossier);
      if (batch.length === BATCH) {
        await copyBatch(db, batch);
        batch = [];
      }
    }
    await copyBatch(db, batch);
  });
  // Fresh statistics for the planner; VACUUM also marks pages all-visible so the covering
  // statistics index answers without touching the table.
  await db.pool.query('VACUUM (ANALYZE) dossiers');
  await db.pool.query('ANALYZE dossier_events');
}

export async function isPublicServicesEmpty(db: Database<PublicServicesTables>): Promise<boolean> {
  const row = await db.kysely.selectFrom('dossiers').select('code').limit(1).executeTakeFirst();
  return row === undefined;
}
