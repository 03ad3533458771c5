import type { Generated } from 'kysely';
import type { Channel } from '../../../lib/domain';

/** The catalog of procedures the portal accepts dossiers for (fees live in payments). */
export interface ProceduresTable {
  code: string;
  name: string;
  name_en: string;
  sector: string;
  /** Legal processing time in working days. */
  processing_days: number;
  /** Filed only in the province where the applicant resides. */
  residence_bound: boolean;
}

/** One dossier (hồ sơ) filed with the portal, in its current status. */
export interface DossiersTable {
  code: string;
  procedure_code: string;
  applicant_id: string;
  province_code: string;
  /** Unknown for dossiers submitted without a commune. */
  commune_code: string | null;
  channel: Channel;
  /** The portal's status code, 1..10 (lib/domain DossierStatus). */
  status: number;
  submitted_at: Date;
  due_at: Date;
  completed_at: Date | null;
  handler_id: string | null;
  updated_at: Date;
}

/** The append-only history of every dossier: one row per move, SUBMIT first. */
export interface DossierEventsTable {
  id: Generated<number>;
  dossier_code: string;
  action: string;
  from_status: number | null;
  to_status: number;
  at: Date;
  actor_id: string | null;
  note: string | null;
}

export interface PublicServicesTables {
  procedures: ProceduresTable;
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
}
