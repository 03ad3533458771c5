import type { ExpressionBuilder } from 'kysely';
import { withinScope, type RowScope } from '../../../lib/db';
import type { PublicServicesTables } from './tables';

/**
 * The dossiers a caller may see, as a filter for any query on `dossiers`: its province's, or a
 * citizen's own. Every read puts it into its SQL, so a dossier outside the caller's jurisdiction
 * is exactly like one that does not exist. Columns are unqualified, as in `overdueSql`.
 */
export const visibleDossiers = (scope: RowScope) => (eb: ExpressionBuilder<PublicServicesTables, 'dossiers'>) => withinScope(eb, scope, { province: 'province_code', person: 'applicant_id' });
