import type { ResidentsContext } from '../context';
import type { CitizenRecord } from '../data/citizen.repository';

/** Another subgraph's `{ personalId }` becomes the full citizen, batched with every other reference; unknown → null. */
export function resolveCitizenReference(reference: { personalId: string }, { loaders }: ResidentsContext): Promise<CitizenRecord | null> {
  return loaders.citizen.load(reference.personalId);
}
