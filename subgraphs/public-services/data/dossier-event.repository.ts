import type { Insertable, Kysely, Selectable } from 'kysely';
import { anyOf, type Database } from '../../../lib/db';
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

/** Histories of many dossiers, each oldest first (ids grow in the order moves were committed). */
export async function findHistories(db: Database<PublicServicesTables>, codes: readonly string[]): Promise<DossierEventRecord[]> {
  const rows = await db.kysely
    .selectFrom('dossier_events')
    .selectAll()
    .where('dossier_code', '=', anyOf(codes))
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
