import type { Ctx } from '../context';
import type { Agency } from '../types/agency.type';

export const resolveAgencyReference = (reference: { code: string }, ctx: Ctx): Promise<Agency | null> => ctx.loaders.agency.load(reference.code);
