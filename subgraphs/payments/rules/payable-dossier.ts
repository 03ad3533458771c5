import { notFound } from '../../../lib/errors';
import type { GatewayLookups } from '../../../lib/subgraph';

const DOSSIER = 'query PaymentDossier($code: ID!) { dossier(code: $code) { procedure { code } province { code } } }';

interface DossierAnswer {
  dossier: { procedure: { code: string } | null; province: { code: string } | null } | null;
}

export interface PayableDossier {
  code: string;
  procedureCode: string;
  provinceCode: string;
}

/**
 * The dossier a payment is for, as public-services knows it and as the caller may see it: asked
 * of the gateway, as the caller, under the mutation's delegation grant. Who may pay falls out of
 * who may read: a citizen their own dossiers, an officer those of their province. A dossier that
 * does not exist and one the caller may not see are both NOT_FOUND, with the same message.
 */
export async function payableDossier(lookups: GatewayLookups, code: string): Promise<PayableDossier> {
  const { dossier } = await lookups.query<DossierAnswer>(DOSSIER, { code });
  if (!dossier?.procedure || !dossier.province) throw notFound('dossier', code);
  return { code, procedureCode: dossier.procedure.code, provinceCode: dossier.province.code };
}
