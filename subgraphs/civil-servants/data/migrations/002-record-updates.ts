import { updatedAtMigration } from '../../../../lib/db';

/** When each servant's e-dossier last changed. */
export const recordUpdates = updatedAtMigration('civil_servants');
