import { sql } from 'kysely';
import { anyOf, type Database } from '../../../lib/db';
import type { AgencyLevel } from '../../../lib/domain';
import type { Tables } from './tables';

/** An agency's row, in the names the graph uses. */
export interface AgencyRecord {
  code: string;
  name: string;
  level: AgencyLevel;
  provinceCode: string;
  parentCode: string | null;
}

export interface AgencyFilter {
  provinceCode?: string | null;
  level?: AgencyLevel | null;
}

const selectAgencies = (db: Database<Tables>) =>
  db.kysely.selectFrom('agencies').select(['code', 'name', 'level', 'province_code as provinceCode', 'parent_code as parentCode']);

export async function findAgencies(db: Database<Tables>, codes: readonly string[]): Promise<AgencyRecord[]> {
  return selectAgencies(db).where('code', '=', anyOf(codes)).execute();
}

/** Agencies in level order (central, province, commune), then by code in byte order, whatever the server's locale. */
export async function listAgencies(db: Database<Tables>, { provinceCode, level }: AgencyFilter): Promise<AgencyRecord[]> {
  let query = selectAgencies(db);
  if (provinceCode) query = query.where('province_code', '=', provinceCode);
  if (level) query = query.where('level', '=', level);
  return query.orderBy('level').orderBy(sql`code COLLATE "C"`).execute();
}
