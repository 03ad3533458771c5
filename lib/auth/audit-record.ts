import type { Role } from './roles';

/** One read of personal data, as the gateway hands it to the audit log: who, whose, what, why, when. */
export interface AuditRecord {
  /** The request id every process logged the request under. */
  requestId: string;
  at: Date;
  /** The caller's `sub`: a personal ID for citizens, an officer's account otherwise. */
  subject: string;
  role: Role;
  /** The caller's province, or null for national and citizen callers. */
  province: string | null;
  /** The stated purpose of access (the gateway refuses personal data without one). */
  purpose: string;
  operationName: string | null;
  /** Personal IDs whose data the subgraphs served, sorted and unique. */
  citizens: string[];
  /** Coordinates of the personal-data fields the operation read (e.g. "Citizen.religion"), sorted. */
  fields: string[];
}

/**
 * Where audit records go. The gateway awaits `append` before it answers: a rejection means
 * the read was not recorded, so the client gets no data (fail closed).
 */
export interface AuditWriter {
  append(record: AuditRecord): Promise<void>;
  close(): Promise<void>;
}
