import { AppError } from '../../../lib/errors';
import type { PublicServicesContext } from '../context';
import type { ProcedureRecord } from '../data/procedure.repository';

/** A procedure a client named, through the request's loader; unknown → UNKNOWN_PROCEDURE. */
export async function knownProcedure(ctx: PublicServicesContext, code: string): Promise<ProcedureRecord> {
  const procedure = await ctx.loaders.procedure.load(code);
  if (!procedure) throw new AppError('UNKNOWN_PROCEDURE', `No procedure with code ${code}.`, { procedureCode: code });
  return procedure;
}
