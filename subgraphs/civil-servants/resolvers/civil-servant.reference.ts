import type { Ctx } from '../context';
import type { CivilServant } from '../types/civil-servant.type';

/** Unknown personal IDs resolve to null: a reference is not a look-up the client asked for. */
export const resolveCivilServantReference = (reference: { personalId: string }, ctx: Ctx): Promise<CivilServant | null> =>
  ctx.loaders.civilServant.load(reference.personalId);
