import type { ResidentsContext } from '../context';
import type { HouseholdRecord } from '../data/household.repository';

/** `{ id }` becomes the household, batched with every other reference; unknown → null. */
export function resolveHouseholdReference(reference: { id: string }, { loaders }: ResidentsContext): Promise<HouseholdRecord | null> {
  return loaders.household.load(reference.id);
}
