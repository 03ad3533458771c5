import { updatedAtMigration } from '../../../../lib/db';

/** When each resident record last changed. */
export const recordUpdates = updatedAtMigration('citizens');
