import { auditDatabaseUrl } from '../../../gateway/audit/audit-database';

describe('Where the audit database is', () => {
  it('is AUDIT_DATABASE_URL when set', () => {
    expect(auditDatabaseUrl('postgres://u:p@db:5432/postgres', { AUDIT_DATABASE_URL: 'postgres://w@audit:5432/log' })).toBe('postgres://w@audit:5432/log');
  });

  it('is lienthong_audit on the DATABASE_URL server otherwise', () => {
    expect(auditDatabaseUrl('postgres://u:p@db:5432/postgres', {})).toBe('postgres://u:p@db:5432/lienthong_audit');
  });

  it('is unknown without either (the embedded server)', () => {
    expect(auditDatabaseUrl(undefined, {})).toBeUndefined();
  });
});
