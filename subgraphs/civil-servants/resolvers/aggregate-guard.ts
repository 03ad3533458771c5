import { AppError } from '../../../lib/errors';
import { mayAggregate } from '../../../lib/subgraph';
import type { Ctx } from '../context';

/**
 * Staffing figures of a province are for callers whose jurisdiction covers it. Checked before
 * counting, so a refused caller never makes the database add anything up.
 */
export function checkMayAggregate(ctx: Ctx, provinceCode: string): void {
  if (!mayAggregate(ctx.scope, provinceCode)) throw new AppError('FORBIDDEN', `Province ${provinceCode} is outside your jurisdiction.`);
}
