import { anyOf, type Database } from '../../../lib/db';
import type { Tables } from './tables';

export interface FeeRow {
  procedureCode: string;
  amount: number;
}

export async function findFeesByProcedureCodes(db: Database<Tables>, codes: readonly string[]): Promise<FeeRow[]> {
  return db.kysely
    .selectFrom('fee_schedule')
    .select(['procedure_code as procedureCode', 'amount'])
    .where('procedure_code', '=', anyOf(codes))
    .execute();
}
