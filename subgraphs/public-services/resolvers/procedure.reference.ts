import type { PublicServicesContext } from '../context';
import type { ProcedureRecord } from '../data/procedure.repository';

/** `Procedure` references from other subgraphs; an unknown code resolves to null. */
export const resolveProcedureReference = (reference: { code: string }, ctx: PublicServicesContext): Promise<ProcedureRecord | null> =>
  ctx.loaders.procedure.load(reference.code);
