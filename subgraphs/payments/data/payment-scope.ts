import type { ExpressionBuilder } from 'kysely';
import { withinScope, type RowScope } from '../../../lib/db';
import type { Tables } from './tables';

/**
 * The payments a caller may see, as a filter for any query on `payments`: its province's, or a
 * citizen's own. Every read and every settlement or refund carries it in its SQL, so a payment
 * outside the caller's jurisdiction is exactly like one that does not exist.
 */
export const visiblePayments = (scope: RowScope) => (eb: ExpressionBuilder<Tables, 'payments'>) => withinScope(eb, scope, { province: 'province_code', person: 'payer_id' });
