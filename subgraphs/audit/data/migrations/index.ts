import type { Migrations } from '../../../../lib/db';
import { auditLogMigration } from './001-audit-log';
import { auditAppendMigration } from './002-audit-append';
import { auditWriterMigration } from './003-audit-writer';

export const migrations: Migrations = {
  '001-audit-log': auditLogMigration,
  '002-audit-append': auditAppendMigration,
  '003-audit-writer': auditWriterMigration,
};
