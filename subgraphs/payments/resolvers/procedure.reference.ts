import type { Ctx } from '../context';
import type { Procedure } from '../types/procedure.type';

/** A procedure resolves when the fee schedule knows it, so `fee` is never missing. */
export const resolveProcedureReference = async ({ code }: { code: string }, ctx: Ctx): Promise<Procedure | null> =>
  (await ctx.loaders.feeByProcedure.load(code)) === null ? null : { code };
