import { sql } from 'kysely';
import type { Database } from '../../../lib/db';
import {
  addWorkingDays,
  dossierDay,
  DossierStatus,
  formatDossierCode,
  statusName,
  type Channel,
  type DossierAction,
} from '../../../lib/domain';
import { notFound } from '../../../lib/errors';
import type { RowScope } from '../../../lib/subgraph';
import { checkTransition } from '../rules/transition';
import { toDossierRecord, type DossierRecord } from './dossier-record';
import { appendEvent } from './dossier-event.repository';
import { visibleDossiers } from './dossier-scope';
import { overdueSql } from './overdue';
import type { ProcedureRecord } from './procedure.repository';
import type { PublicServicesTables } from './tables';

type Db = Database<PublicServicesTables>;

export interface Submission {
  procedure: ProcedureRecord;
  applicantId: string;
  provinceCode: string;
  communeCode: string | null;
  channel: Channel;
  /** Who is recorded as having submitted it. */
  actorId: string | null;
}

/** Files a new dossier in status NEW with its SUBMIT event, in one transaction. */
export async function submitDossier(db: Db, submission: Submission): Promise<DossierRecord> {
  return db.kysely.transaction().execute(async (trx) => {
    const { rows } = await sql<{ serial: number }>`SELECT nextval('dossier_serial') AS serial`.execute(trx);
    const submittedAt = new Date();
    const { procedure, applicantId, provinceCode, communeCode, channel, actorId } = submission;
    const code = formatDossierCode({ provinceCode, procedureCode: procedure.code, day: dossierDay(submittedAt), serial: String(rows[0]!.serial) });
    const row = await trx
      .insertInto('dossiers')
      .values({
        code,
        procedure_code: procedure.code,
        applicant_id: applicantId,
        province_code: provinceCode,
        commune_code: communeCode,
        channel,
        status: DossierStatus.NEW,
        submitted_at: submittedAt,
        due_at: addWorkingDays(submittedAt, procedure.processingDays),
        completed_at: null,
        handler_id: null,
        updated_at: submittedAt,
      })
      .returningAll()
      .returning(overdueSql.as('overdue'))
      .executeTakeFirstOrThrow();
    await appendEvent(trx, { dossierCode: code, action: 'SUBMIT', fromStatus: null, toStatus: DossierStatus.NEW, at: submittedAt, actorId, note: null });
    return toDossierRecord(row);
  });
}

export interface Transition {
  code: string;
  /** Whose dossiers the mover may move: one outside it is as missing as an unknown code. */
  scope: RowScope;
  action: DossierAction;
  note: string | null;
  actorId: string | null;
}

/**
 * Makes one lifecycle move. The row lock (`FOR UPDATE`) serializes concurrent moves of the
 * same dossier: the second waits, then reads the status the first committed and is judged
 * against it, so a dossier never takes two moves from the same status.
 */
export async function transitionDossier(db: Db, { code, scope, action, note, actorId }: Transition): Promise<DossierRecord> {
  return db.kysely.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('dossiers').select('status').where('code', '=', code).where(visibleDossiers(scope)).forUpdate().executeTakeFirst();
    if (!current) throw notFound('dossier', code);
    const from = statusName(current.status);
    const to = checkTransition(code, from, action);
    // Taken after the lock, so history times follow the order moves were made in.
    const at = new Date();
    const row = await trx
      .updateTable('dossiers')
      .set({ status: DossierStatus[to], updated_at: at, ...(to === 'COMPLETED' ? { completed_at: at } : {}) })
      .where('code', '=', code)
      .returningAll()
      .returning(overdueSql.as('overdue'))
      .executeTakeFirstOrThrow();
    await appendEvent(trx, { dossierCode: code, action, fromStatus: current.status, toStatus: DossierStatus[to], at, actorId, note });
    return toDossierRecord(row);
  });
}
