import type { Insertable, Kysely, Selectable } from 'kysely';
import { anyOf, type Database } from '../../../lib/db';
import type { RowScope } from '../../../lib/subgraph';
import { visibleDossiers } from './dossier-scope';
import type { DossierEventsTable, PublicServicesTables } from './tables';

export interface DossierEventRecord {
  dossierCode: string;
  /** SUBMIT or a DossierAction. */
  action: string;
  fromStatus: number | null;
  toStatus: number;
  at: Date;
  actorId: string | null;
  note: string | null;
}

const toEventRecord = (row: Selectable<DossierEventsTable>): DossierEventRecord => ({
  dossierCode: row.dossier_code,
  action: row.action,
  fromStatus: row.from_status,
  toStatus: row.to_status,
  at: row.at,
  actorId: row.actor_id,
  note: row.note,
});

/**
 * Histories of many dossiers the caller may see, each oldest first (ids grow in the order moves
 * were committed). A history is reached through its dossier, already in scope; checking again
 * here keeps the rule where the rows are read.
 */
export async function findHistories(db: Database<PublicServicesTables>, scope: RowScope, codes: readonly string[]): Promise<DossierEventRecord[]> {
  const visible = db.kysely.selectFrom('dossiers').select('code').where('code', '=', anyOf(codes)).where(visibleDossiers(scope));
  const rows = await db.kysely
    .selectFrom('dossier_events')
    .selectAll()
    .where('dossier_code', 'in', visible)
    .orderBy('dossier_code')
    .orderBy('id')
    .execute();
  return rows.map(toEventRecord);
}

/** Appends one move to a dossier's history, inside the caller's transaction. */
export async function appendEvent(trx: Kysely<PublicServicesTables>, event: DossierEventRecord): Promise<void> {
  const row: Insertable<DossierEventsTable> = {
    dossier_code: event.dossierCode,
    action: event.action,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    at: event.at,
    actor_id: event.actorId,
    note: event.note,
  };
  await trx.insertInto('dossier_events').values(row).execute();
}
