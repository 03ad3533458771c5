import { isPersonalId } from '../../../lib/domain';
import type { Citizen } from '../types/citizen.type';

/** The audit log needs only the personal ID; one that cannot exist resolves to null. */
export const resolveCitizenReference = ({ personalId }: { personalId: string }): Citizen | null =>
  isPersonalId(personalId) ? { personalId } : null;
