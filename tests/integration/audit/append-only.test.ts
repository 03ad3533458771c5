import pg from 'pg';
import { auditSubgraph } from '../../../subgraphs/audit';
import type { Tables } from '../../../subgraphs/audit/data/tables';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { appendEach, auditRecord, logRows, urlOf } from './audit-fixtures';

let test: TestDatabase<Tables>;
/** A connection as the gateway's writer pool makes them: switched to the writer role. */
let asWriter: pg.Pool;

beforeAll(async () => {
  test = await createTestDatabase(auditSubgraph);
  asWriter = new pg.Pool({ connectionString: urlOf(test.db), max: 1, options: '-c role=lienthong_audit_writer' });
  await appendEach(test.db, [auditRecord(1), auditRecord(2)]);
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

  it('can ask whether an append would go through now (audit_ready, for readiness), which reads and writes nothing', async () => {
    const before = await logRows(test.db);
    expect((await asWriter.query('SELECT audit_ready() AS ready')).rows).toEqual([{ ready: true }]);
    expect(await logRows(test.db)).toEqual(before);
  });

  it('cannot take numbers from the sequence or compute hashes itself', async () => {
    await expect(asWriter.query("SELECT nextval('audit_log_seq_seq')")).rejects.toThrow('permission denied for sequence audit_log_seq_seq');
    await expect(asWriter.query("SELECT audit_canonical_value('x')")).rejects.toThrow('permission denied for function audit_canonical_value');
  });

  it('cannot create objects in the schema to stand in for the ones audit_append uses', async () => {
    await expect(asWriter.query('CREATE TABLE public.audit_log_shadow (x int)')).rejects.toThrow('permission denied for schema public');
  });

  it('appends through audit_append, which answers the new record\'s number and hash and nothing else of the log', async () => {
    const { rows } = await asWriter.query<{ record_seq: number; record_hash: string }>(
      "SELECT * FROM audit_append(now(), 'req-w', 'auditor:1', 'auditor', NULL, 'Thanh tra', NULL, '{}', '{Citizen.fullName}', 'read', NULL, '{}', 'signer-w', 1, NULL)",
    );
    const [stored] = (await logRows(test.db)).filter((row) => row.seq === 3);
    expect(rows).toEqual([{ record_seq: 3, record_hash: stored!.hash }]);
  });

  it('cannot append through the unsigned audit_append of before migration 005: it is gone', async () => {
    await expect(asWriter.query("SELECT audit_append(now(), 'req-w', 'auditor:1', 'auditor', NULL, 'Thanh tra', NULL, '{}', '{}')")).rejects.toThrow(
      'function audit_append(timestamp with time zone, unknown, unknown, unknown, unknown, unknown, unknown, unknown, unknown) does not exist',
    );
  });
});

describe('Migrating several audit databases on one server', () => {
  it('creates the server-wide role once and grants it in each database', async () => {
    const others = await Promise.all([createTestDatabase(auditSubgraph), createTestDatabase(auditSubgraph)]);
    try {
      for (const other of others) {
        await appendEach(other.db, [auditRecord(1)]);
        expect((await logRows(other.db)).map((r) => r.seq)).toEqual([1]);
      }
      const { rows } = await test.db.pool.query("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'lienthong_audit_writer'");
      expect(rows).toEqual([{ rolcanlogin: false }]);
    } finally {
      await Promise.all(others.map((other) => other.drop()));
    }
  });
});
