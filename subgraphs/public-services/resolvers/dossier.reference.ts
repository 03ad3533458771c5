import type { PublicServicesContext } from '../context';
import type { DossierRecord } from '../data/dossier-record';

/** `Dossier` references from other subgraphs (payments); an unknown code resolves to null. */
export const resolveDossierReference = (reference: { code: string }, ctx: PublicServicesContext): Promise<DossierRecord | null> =>
  ctx.loaders.dossier.load(reference.code);
