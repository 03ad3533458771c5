import type { Migrations } from '../../../../lib/db';
import { paymentsMigration } from './001-payments';

export const migrations: Migrations = {
  '001-payments': paymentsMigration,
};
