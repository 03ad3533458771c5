import type { Migrations } from '../../../../lib/db';
import { portal } from './001-portal';
import { residenceBoundProcedures } from './002-residence-bound-procedures';
import { dossierTallies } from './003-dossier-tallies';

export const migrations: Migrations = {
  '001-portal': portal,
  '002-residence-bound-procedures': residenceBoundProcedures,
  '003-dossier-tallies': dossierTallies,
};
