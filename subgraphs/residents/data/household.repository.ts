import { anyOf, type Database } from '../../../lib/db';
import type { RowScope } from '../../../lib/subgraph';
import type { Household } from '../types/household.type';
import type { ResidentsTables } from './tables';

/** A household row: the graph's stored fields plus the head and places field resolvers follow. */
export interface HouseholdRecord extends Household {
  headId: string;
  provinceCode: string;
  communeCode: string;
}

/**
 * The households with these ids that are in the caller's jurisdiction: those of their province,
 * or, for a citizen, the one they are registered in. The others read as missing.
 */
export function householdsByIds(db: Database<ResidentsTables>, scope: RowScope, ids: readonly string[]): Promise<HouseholdRecord[]> {
  let query = db.kysely
    .selectFrom('households')
    .select(['id', 'head_id as headId', 'province_code as provinceCode', 'commune_code as communeCode', 'address'])
    .where('id', '=', anyOf(ids));
  if (scope.provinceCode !== undefined) query = query.where('province_code', '=', scope.provinceCode);
  if (scope.personalId !== undefined) {
    query = query.where('id', 'in', db.kysely.selectFrom('citizens').select('household_id').where('personal_id', '=', scope.personalId));
  }
  return query.execute();
}
