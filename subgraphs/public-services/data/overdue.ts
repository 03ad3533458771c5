import { sql, type RawBuilder } from 'kysely';
import { DossierStatus, isFinalStatus, statusName } from '../../../lib/domain';

/** Statuses in which the portal still owes the applicant an answer. */
const OPEN_STATUS_CODES = Object.values(DossierStatus).filter((code) => !isFinalStatus(statusName(code)));

/**
 * Overdue is a metric, not a status: a dossier completed after its due date, or one still
 * open (not completed, rejected, withdrawn or stopped) whose due date has passed. The one
 * definition, in SQL, so the `overdue` field, the filter and the statistics always agree.
 * Columns are unqualified: every caller reads a single `dossiers` row source.
 */
export const overdueSql: RawBuilder<boolean> = sql<boolean>`(CASE WHEN completed_at IS NOT NULL THEN completed_at > due_at
  ELSE status IN (${sql.join(OPEN_STATUS_CODES.map((code) => sql.lit(code)))}) AND due_at < now() END)`;
