import type { Migrations } from '../../../../lib/db';
import { population } from './001-population';

export const migrations: Migrations = {
  '001-population': population,
};
