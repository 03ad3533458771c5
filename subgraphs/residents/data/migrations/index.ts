import type { Migrations } from '../../../../lib/db';
import { population } from './001-population';
import { populationTallies } from './002-population-tallies';
import { recordUpdates } from './003-record-updates';

export const migrations: Migrations = {
  '001-population': population,
  '002-population-tallies': populationTallies,
  '003-record-updates': recordUpdates,
};
