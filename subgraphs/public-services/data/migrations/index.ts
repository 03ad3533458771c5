import type { Migrations } from '../../../../lib/db';
import { portal } from './001-portal';
import { residenceBoundProcedures } from './002-residence-bound-procedures';

export const migrations: Migrations = {
  '001-portal': portal,
  '002-residence-bound-procedures': residenceBoundProcedures,
};
