import type { ExpressionBuilder } from 'kysely';
import type { RowScope } from '../../../lib/subgraph';
import type { Tables } from './tables';

/**
 * The payments a caller may see, as a filter for any query on `payments`: its province's, or a
 * citizen's own. Every read and every settlement or refund carries it in its SQL, so a payment
 * outside the caller's jurisdiction is exactly like one that does not exist. Unset parts of the
 * scope drop out (Kysely skips undefined values; none left is `1 = 1`).
 */
export const visiblePayments =
  (scope: RowScope) =>
  (eb: ExpressionBuilder<Tables, 'payments'>) =>
    eb.and({ province_code: scope.provinceCode, payer_id: scope.personalId });
