import type { Migrations } from '../../../../lib/db';
import { civilServants001 } from './001-civil-servants';

export const migrations: Migrations = {
  '001-civil-servants': civilServants001,
};
