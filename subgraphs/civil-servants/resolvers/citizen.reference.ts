import { isPersonalId } from '../../../lib/domain';
import type { Citizen } from '../types/citizen.type';

/** Residents owns citizens: the key is all this subgraph needs, and `civilServant` batches on its own. */
export const resolveCitizenReference = (reference: { personalId: string }): Citizen | null =>
  typeof reference.personalId === 'string' && isPersonalId(reference.personalId) ? { personalId: reference.personalId } : null;
