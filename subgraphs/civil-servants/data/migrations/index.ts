import type { Migrations } from '../../../../lib/db';
import { civilServants001 } from './001-civil-servants';
import { recordUpdates } from './002-record-updates';

export const migrations: Migrations = {
  '001-civil-servants': civilServants001,
  '002-record-updates': recordUpdates,
};
