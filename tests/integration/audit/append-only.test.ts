import pg from 'pg';
import { createPostgresAuditWriter } from '../../../gateway/audit/postgres-audit-writer';
import { auditSubgraph } from '../../../subgraphs/audit';
import type { Tables } from '../../../subgraphs/audit/data/tables';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { auditRecord, logRows, urlOf } from './audit-fixtures';

let test: TestDatabase<Tables>;
/** A connection as the gateway's writer pool makes them: switched to the writer role. */
let asWriter: pg.Pool;

beforeAll(async () => {
  test = await createTestDatabase(auditSubgraph);
  asWriter = new pg.Pool({ connectionString: urlOf(test.db), max: 1, options: '-c role=lienthong_audit_writer' });
  const writer = createPostgresAuditWriter({ url: urlOf(test.db) });
  await writer.append(auditRecord(1));
  await writer.append(auditRecord(2));
  await writer.close();
});
afterAll(async () => {
  await asWriter.end();
  await test.drop();
});

describe('The audit log is append-only', () => {
  // The test server's user is a superuser and owns the table: nobody has more rights.
  it.each([
    ['UPDATE', "UPDATE audit_log SET purpose = 'edited' WHERE seq = 1"],
    ['UPDATE', "UPDATE audit_log SET purpose = 'edited' WHERE seq = 999"],
    ['DELETE', 'DELETE FROM audit_log WHERE seq = 2'],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ])('refuses %s even for its owner, a superuser (%s)', async (operation, statement) => {
    await expect(test.db.pool.query(statement)).rejects.toThrow(`audit_log is append-only: ${operation} is refused`);
    expect((await logRows(test.db)).map((r) => [r.seq, r.purpose])).toEqual([
      [1, auditRecord(1).purpose],
      [2, auditRecord(2).purpose],
    ]);
  });
});

describe('The writer role', () => {
  it('runs as lienthong_audit_writer, not as the login user', async () => {
    const { rows } = await asWriter.query<{ current_user: string }>('SELECT current_user');
    expect(rows).toEqual([{ current_user: 'lienthong_audit_writer' }]);
  });

  it.each([
    ['SELECT', 'SELECT * FROM audit_log'],
    ['UPDATE', "UPDATE audit_log SET purpose = 'edited'"],
    ['DELETE', 'DELETE FROM audit_log'],
    ['INSERT', "INSERT INTO audit_log (at, request_id, subject, role, citizens, fields, prev_hash, hash) VALUES (now(), 'r', 's', 'x', '{}', '{}', repeat('0', 64), repeat('1', 64))"],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ])('cannot %s the table', async (_operation, statement) => {
    await expect(asWriter.query(statement)).rejects.toThrow('permission denied for table audit_log');
  });

  it('cannot take numbers from the sequence or compute hashes itself', async () => {
    await expect(asWriter.query("SELECT nextval('audit_log_seq_seq')")).rejects.toThrow('permission denied for sequence audit_log_seq_seq');
    await expect(asWriter.query("SELECT audit_canonical_value('x')")).rejects.toThrow('permission denied for function audit_canonical_value');
  });

  it('cannot create objects in the schema to stand in for the ones audit_append uses', async () => {
    await expect(asWriter.query('CREATE TABLE public.audit_log_shadow (x int)')).rejects.toThrow('permission denied for schema public');
  });

  it('appends through audit_append, which answers the new record\'s number and nothing of the log', async () => {
    const { rows } = await asWriter.query<{ seq: number }>(
      "SELECT audit_append(now(), 'req-w', 'auditor:1', 'auditor', NULL, 'Thanh tra', NULL, '{}', '{Citizen.fullName}') AS seq",
    );
    expect(rows).toEqual([{ seq: 3 }]);
  });
});

describe('Migrating several audit databases on one server', () => {
  it('creates the server-wide role once and grants it in each database', async () => {
    const others = await Promise.all([createTestDatabase(auditSubgraph), createTestDatabase(auditSubgraph)]);
    try {
      for (const other of others) {
        const writer = createPostgresAuditWriter({ url: urlOf(other.db) });
        await writer.append(auditRecord(1));
        await writer.close();
        expect((await logRows(other.db)).map((r) => r.seq)).toEqual([1]);
      }
      const { rows } = await test.db.pool.query("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'lienthong_audit_writer'");
      expect(rows).toEqual([{ rolcanlogin: false }]);
    } finally {
      await Promise.all(others.map((other) => other.drop()));
    }
  });
});
