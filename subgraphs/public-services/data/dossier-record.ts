import type { Selectable } from 'kysely';
import type { Channel } from '../../../lib/domain';
import type { DossiersTable } from './tables';

/** A dossier as resolvers see it: the row in camelCase, plus the computed `overdue`. */
export interface DossierRecord {
  code: string;
  procedureCode: string;
  applicantId: string;
  provinceCode: string;
  communeCode: string | null;
  channel: Channel;
  /** Portal status code, 1..10. */
  status: number;
  submittedAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  handlerId: string | null;
  updatedAt: Date;
  overdue: boolean;
}

export type DossierRow = Selectable<DossiersTable> & { overdue: boolean };

export const toDossierRecord = (row: DossierRow): DossierRecord => ({
  code: row.code,
  procedureCode: row.procedure_code,
  applicantId: row.applicant_id,
  provinceCode: row.province_code,
  communeCode: row.commune_code,
  channel: row.channel,
  status: row.status,
  submittedAt: row.submitted_at,
  dueAt: row.due_at,
  completedAt: row.completed_at,
  handlerId: row.handler_id,
  updatedAt: row.updated_at,
  overdue: row.overdue,
});
