import { sql, type RawBuilder } from 'kysely';
import { DossierStatus, isFinalStatus, statusName } from '../../../lib/domain';

/** Statuses in which the portal still owes the applicant an answer. */
const OPEN_STATUS_CODES = Object.values(DossierStatus).filter((code) => !isFinalStatus(statusName(code)));

/**
 * A dossier still owed an answer: not completed, rejected, withdrawn or stopped. Also the
 * predicate of the partial index `dossiers_open_idx`, written once so the queries match it.
 */
export const OPEN_DOSSIER: RawBuilder<boolean> = sql<boolean>`(completed_at IS NULL AND status IN (${sql.join(OPEN_STATUS_CODES.map((code) => sql.lit(code)))}))`;

/**
 * Overdue is a metric, not a status: a dossier completed after its due date, or one still
 * open whose due date has passed. The one definition, in SQL, so the `overdue` field, the
 * filter and the statistics always agree (the statistics count completed dossiers in the
 * `dossier_days` tally and open ones with this).
 * Columns are unqualified: every caller reads a single `dossiers` row source.
 */
export const overdueSql: RawBuilder<boolean> = sql<boolean>`(CASE WHEN completed_at IS NOT NULL THEN completed_at > due_at
  ELSE ${OPEN_DOSSIER} AND due_at < now() END)`;

/** An open dossier past its due date: the part of `overdueSql` that moves with the clock. */
export const OPEN_OVERDUE: RawBuilder<boolean> = sql<boolean>`${OPEN_DOSSIER} AND due_at < now()`;
