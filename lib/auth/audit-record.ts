import type { Role } from './roles';

/**
 * What a record stands for: a read of personal data, or a change of it — recorded twice, its
 * intent before any subgraph is asked to make it and its outcome after.
 */
export type AuditKind = 'read' | 'intent' | 'outcome';

/**
 * How a change went: every personal-data mutation field was made; some were and the others failed;
 * every one failed (nothing changed); or some may or may not have been made (a subgraph that did
 * not answer may still have made its part).
 */
export type ChangeOutcome = 'SUCCEEDED' | 'PARTIAL' | 'FAILED' | 'UNCERTAIN';

/** One access to personal data, as the gateway hands it to the audit log: who, whose, what, why, when. */
export interface AuditRecord {
  /** The request id every process logged the request under; an intent and its outcome share it. */
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
  /**
   * Personal IDs concerned, sorted and unique: whose data the subgraphs served (reads, outcomes)
   * and whom the mutation's arguments name (intents, outcomes).
   */
  citizens: string[];
  /**
   * Coordinates of the personal-data fields (e.g. "Citizen.religion"), sorted: those the operation
   * read (reads, outcomes), or the mutation fields it asks to run (intents).
   */
  fields: string[];
  kind: AuditKind;
  /** Outcome records only; null on reads and intents. */
  outcome: ChangeOutcome | null;
  /** Outcome records only: the error codes the change's response carried, sorted and unique. */
  errorCodes: string[];
}

/**
 * Where audit records go. The gateway awaits `append` before it answers (and, for an intent,
 * before the change is forwarded): a rejection means the access was not recorded, so the client
 * gets no data and no change is made (fail closed).
 */
export interface AuditWriter {
  /** Resolves once the record is committed; rejects when it could not be, or not by `deadline` (epoch ms) if given. */
  append(record: AuditRecord, options?: { deadline?: number }): Promise<void>;
  /** Whether a record could be appended now (nothing holds the log's locks, the database answers), for readiness; absent: always. */
  probe?(): Promise<boolean>;
  close(): Promise<void>;
}
