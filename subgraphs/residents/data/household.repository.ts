import { anyOf, type Database } from '../../../lib/db';
import type { Household } from '../types/household.type';
import type { ResidentsTables } from './tables';

/** A household row: the graph's stored fields plus the head and places field resolvers follow. */
export interface HouseholdRecord extends Household {
  headId: string;
  provinceCode: string;
  communeCode: string;
}

export function householdsByIds(db: Database<ResidentsTables>, ids: readonly string[]): Promise<HouseholdRecord[]> {
  return db.kysely
    .selectFrom('households')
    .select(['id', 'head_id as headId', 'province_code as provinceCode', 'commune_code as communeCode', 'address'])
    .where('id', '=', anyOf(ids))
    .execute();
}
