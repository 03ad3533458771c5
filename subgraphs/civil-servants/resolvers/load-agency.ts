import type { Ctx } from '../context';
import type { Agency } from '../types/agency.type';

/** An agency a row points at: the foreign key guarantees it exists, so absence is a bug, not a client error. */
export async function loadAgency(ctx: Ctx, code: string): Promise<Agency> {
  const agency = await ctx.loaders.agency.load(code);
  if (!agency) throw new Error(`Agency ${code} is referenced but missing`);
  return agency;
}
