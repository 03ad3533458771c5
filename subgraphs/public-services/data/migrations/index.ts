import type { Migrations } from '../../../../lib/db';
import { portal } from './001-portal';

export const migrations: Migrations = {
  '001-portal': portal,
};
