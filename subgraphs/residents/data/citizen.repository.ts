import { sql } from 'kysely';
import { anyOf, withinScope, type Database } from '../../../lib/db';
import type { RowScope } from '../../../lib/subgraph';
import type { CitizenCriteria } from '../domain/citizen-criteria';
import type { Citizen } from '../types/citizen.type';
import { startsWithPattern } from './like';
import type { ResidentsTables } from './tables';

/** A citizen row: the graph's stored fields plus the codes and links field resolvers follow. */
export interface CitizenRecord extends Citizen {
  birthRegistrationCode: string;
  hometownCode: string;
  provinceCode: string;
  communeCode: string;
  householdId: string;
  fatherId: string | null;
  motherId: string | null;
  spouseId: string | null;
}

type Db = Database<ResidentsTables>;

const CITIZEN_COLUMNS = [
  'personal_id as personalId',
  'full_name as fullName',
  'surname',
  'middle_name as middleName',
  'given_name as givenName',
  'sex',
  'birth_date as birthDate',
  'birth_registration_code as birthRegistrationCode',
  'hometown_code as hometownCode',
  'province_code as provinceCode',
  'commune_code as communeCode',
  'address',
  'ethnicity',
  'religion',
  'blood_type as bloodType',
  'marital_status as maritalStatus',
  'death_date as deathDate',
  'household_id as householdId',
  'relationship_to_head as relationshipToHead',
  'father_id as fatherId',
  'mother_id as motherId',
  'spouse_id as spouseId',
  'phone',
  'email',
  'nationality',
] as const;

/**
 * Every query starts here, so every one sees only the citizens in the caller's jurisdiction:
 * residents of their province, or a citizen themself. The others are never read, so they look
 * exactly like citizens who do not exist.
 */
function selectCitizens(db: Db, scope: RowScope) {
  return db.kysely
    .selectFrom('citizens')
    .select(CITIZEN_COLUMNS)
    .where((eb) => withinScope(eb, scope, { province: 'province_code', person: 'personal_id' }));
}

export function citizensByIds(db: Db, scope: RowScope, personalIds: readonly string[]): Promise<CitizenRecord[]> {
  return selectCitizens(db, scope)
    .where('personal_id', '=', anyOf(personalIds))
    .execute();
}

/** Members of the households, each household's head first, then the others from the oldest. */
export function citizensOfHouseholds(db: Db, scope: RowScope, householdIds: readonly string[]): Promise<CitizenRecord[]> {
  return selectCitizens(db, scope)
    .where('household_id', '=', anyOf(householdIds))
    .orderBy(sql`relationship_to_head = 'HEAD'`, 'desc')
    .orderBy('birth_date')
    .orderBy('personal_id')
    .execute();
}

/** Children of any of the parents, from the eldest. */
export function childrenOf(db: Db, scope: RowScope, parentIds: readonly string[]): Promise<CitizenRecord[]> {
  return selectCitizens(db, scope)
    .where((eb) => eb.or([eb('father_id', '=', anyOf(parentIds)), eb('mother_id', '=', anyOf(parentIds))]))
    .orderBy('birth_date')
    .orderBy('personal_id')
    .execute();
}

/** Up to `limit` citizens in the caller's jurisdiction matching the criteria, in personal-ID order, after `afterId` if given. */
export function citizenPage(db: Db, scope: RowScope, criteria: CitizenCriteria, afterId: string | undefined, limit: number): Promise<CitizenRecord[]> {
  const { provinceCode, bornOnOrAfter, bornBefore, namePrefix } = criteria;
  let query = selectCitizens(db, scope);
  if (provinceCode !== undefined) query = query.where('province_code', '=', provinceCode);
  if (bornOnOrAfter !== undefined) query = query.where('birth_date', '>=', bornOnOrAfter);
  if (bornBefore !== undefined) query = query.where('birth_date', '<', bornBefore);
  if (namePrefix !== undefined) query = query.where(sql<string>`lower(full_name)`, 'like', startsWithPattern(namePrefix));
  if (afterId !== undefined) query = query.where('personal_id', '>', afterId);
  return query.orderBy('personal_id').limit(limit).execute();
}
