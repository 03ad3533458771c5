import type { Migrations } from '../../../../lib/db';
import { auditLogMigration } from './001-audit-log';
import { auditAppendMigration } from './002-audit-append';
import { auditWriterMigration } from './003-audit-writer';
import { auditAppendHashFirstMigration } from './004-audit-append-hash-first';
import { auditChangesAndSealsMigration } from './005-audit-changes-and-seals';
import { auditReadyMigration } from './006-audit-ready';

export const migrations: Migrations = {
  '001-audit-log': auditLogMigration,
  '002-audit-append': auditAppendMigration,
  '003-audit-writer': auditWriterMigration,
  '004-audit-append-hash-first': auditAppendHashFirstMigration,
  '005-audit-changes-and-seals': auditChangesAndSealsMigration,
  '006-audit-ready': auditReadyMigration,
};
