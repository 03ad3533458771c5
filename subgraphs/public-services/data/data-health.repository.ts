import { sql } from 'kysely';
import { daysAgo, type OwnHealthSpec } from '../../../lib/data-health';
import { anyOf, type Database } from '../../../lib/db';
import { OPEN_DOSSIER } from './overdue';
import type { PublicServicesTables } from './tables';

type Db = Database<PublicServicesTables>;

/** Sixty days: a dossier still owed an answer that nobody has moved for that long is stale. */
const STALE_AFTER_DAYS = 60;

/** What public-services measures of its dossiers. */
export const PUBLIC_SERVICES_HEALTH: OwnHealthSpec = {
  database: 'public-services',
  table: 'dossiers',
  personalIdColumns: ['applicant_id', 'handler_id'],
  dossierCodeColumns: ['code'],
  requiredFields: [{ field: 'Dossier.communeCode', column: 'commune_code' }],
  updatedAt: sql<Date>`updated_at`,
  staleness: { days: STALE_AFTER_DAYS, rule: 'A dossier still owed an answer that nobody has moved for 60 days.' },
  stale: sql<boolean>`${OPEN_DOSSIER} AND updated_at < ${daysAgo(STALE_AFTER_DAYS)}`,
};

/** The applicants and handlers each province's dossiers name, one per dossier, for the databases that hold them to check. */
export async function namedByDossiers(db: Db, provinceCodes: readonly string[]): Promise<{ provinceCode: string; applicantId: string; handlerId: string | null }[]> {
  return db.kysely
    .selectFrom('dossiers')
    .select(['province_code as provinceCode', 'applicant_id as applicantId', 'handler_id as handlerId'])
    .where('province_code', '=', anyOf(provinceCodes))
    .execute();
}

/** Of well-formed dossier codes, those the portal never issued. */
export async function missingDossiers(db: Db, codes: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    SELECT k.code FROM unnest(${codes}::text[]) AS k(code) WHERE NOT EXISTS (SELECT 1 FROM dossiers WHERE dossiers.code = k.code)`.execute(db.kysely);
  return rows.map((row) => row.code);
}
