import type { AuditRecord } from '../../../lib/auth/audit-record';
import { databaseUrl, type Database } from '../../../lib/db';
import type { AuditLogRow, Tables } from '../../../subgraphs/audit/data/tables';
import { testServerUrl } from '../../support/test-database';

export type AuditDb = Database<Tables>;

/** The URL of a test database, for pools that connect on their own (the writer's). */
export const urlOf = (db: AuditDb): string => databaseUrl(testServerUrl(), db.name);

export const CITIZEN_A = '001090000001';
export const CITIZEN_B = '079185000002';
export const CITIZEN_C = '046200000003';

/** A record as the gateway would hand it over; `n` varies the request and the time. */
export const auditRecord = (n: number, overrides: Partial<AuditRecord> = {}): AuditRecord => ({
  requestId: `req-${n}`,
  at: new Date(Date.UTC(2026, 10, 1, 2, 0, n, 123)),
  subject: 'officer:province-officer:01',
  role: 'province-officer',
  province: '01',
  purpose: 'Xử lý hồ sơ 01-DVC02-261101-000001',
  operationName: 'CitizenProfile',
  citizens: [CITIZEN_A],
  fields: ['Citizen.fullName', 'Citizen.personalId'],
  ...overrides,
});

/** The whole log in chain order, as its owner reads it. */
export const logRows = (db: AuditDb): Promise<AuditLogRow[]> => db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();

/** What an attacker with the owner's (or a superuser's) rights can do: switch the guard off, edit, switch it back on. */
export async function tamper(db: AuditDb, statement: string): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await client.query(statement);
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  } finally {
    client.release();
  }
}
