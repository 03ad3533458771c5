import type { Selectable } from 'kysely';
import { anyOf, type Database } from '../../../lib/db';
import type { ProceduresTable, PublicServicesTables } from './tables';

export interface ProcedureRecord {
  code: string;
  name: string;
  nameEn: string;
  sector: string;
  processingDays: number;
  residenceBound: boolean;
}

const toProcedureRecord = (row: Selectable<ProceduresTable>): ProcedureRecord => ({
  code: row.code,
  name: row.name,
  nameEn: row.name_en,
  sector: row.sector,
  processingDays: row.processing_days,
  residenceBound: row.residence_bound,
});

export async function listProcedures(db: Database<PublicServicesTables>): Promise<ProcedureRecord[]> {
  const rows = await db.kysely.selectFrom('procedures').selectAll().orderBy('code').execute();
  return rows.map(toProcedureRecord);
}

export async function findProceduresByCodes(db: Database<PublicServicesTables>, codes: readonly string[]): Promise<ProcedureRecord[]> {
  const rows = await db.kysely.selectFrom('procedures').selectAll().where('code', '=', anyOf(codes)).execute();
  return rows.map(toProcedureRecord);
}
