import { createPostgresAuditWriter, type PostgresAuditWriter } from '../../../gateway/audit/postgres-audit-writer';
import { auditSubgraph } from '../../../subgraphs/audit';
import { auditAppendHashFirstMigration } from '../../../subgraphs/audit/data/migrations/004-audit-append-hash-first';
import { canonicalText, chainedRecordOf, chainHash, GENESIS_HASH, type ChainedRecord } from '../../../subgraphs/audit/data/canonical-record';
import type { Tables } from '../../../subgraphs/audit/data/tables';
import { verifyAuditChain } from '../../../subgraphs/audit/data/verify-chain';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { auditRecord, CITIZEN_A, CITIZEN_B, logRows, urlOf } from './audit-fixtures';

let test: TestDatabase<Tables>;
let writer: PostgresAuditWriter;

beforeEach(async () => {
  test = await createTestDatabase(auditSubgraph);
  writer = createPostgresAuditWriter({ url: urlOf(test.db) });
});
afterEach(async () => {
  await writer.close();
  await test.drop();
});

describe('Appending to the audit log', () => {
  it('stores each record with the hash of the one before it, starting from the genesis hash', async () => {
    const records = [
      auditRecord(1),
      auditRecord(2, { citizens: [CITIZEN_A, CITIZEN_B], fields: ['Citizen.fullName', 'Citizen.religion'] }),
      auditRecord(3, { role: 'citizen', subject: CITIZEN_B, province: null, operationName: null, citizens: [CITIZEN_B] }),
    ];
    for (const record of records) await writer.append(record);
    const rows = await logRows(test.db);
    let prevHash = GENESIS_HASH;
    expect(rows).toEqual(
      records.map((r, i) => {
        const chained: ChainedRecord = { seq: i + 1, ...r };
        const row = {
          seq: i + 1,
          at: r.at,
          request_id: r.requestId,
          subject: r.subject,
          role: r.role,
          province: r.province,
          purpose: r.purpose,
          operation_name: r.operationName,
          citizens: r.citizens,
          fields: r.fields,
          prev_hash: prevHash,
          hash: chainHash(prevHash, chained),
        };
        prevHash = row.hash;
        return row;
      }),
    );
  });

  it('chains 50 concurrent appends without a gap or a fork, in fewer transactions than records', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer.append(auditRecord(i + 1))));
    const rows = await logRows(test.db);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(rows.map((r) => r.request_id).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `req-${i + 1}`).sort());
    rows.forEach((row, i) => {
      expect(row.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]!.hash);
      expect(row.hash).toBe(chainHash(row.prev_hash, chainedRecordOf(row)));
    });
    expect(await verifyAuditChain(test.db)).toEqual({ intact: true, records: 50 });
    // The first append goes alone; the 49 that arrive while it is written go together.
    expect(writer.transactions).toBe(2);
  });

  it('a record the log refuses fails alone, even among records that arrived with it', async () => {
    const outcomes = await Promise.allSettled([
      writer.append(auditRecord(1)),
      writer.append(auditRecord(2)),
      writer.append(auditRecord(3, { subject: null as unknown as string })),
      writer.append(auditRecord(4)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(expect.objectContaining({ message: expect.stringMatching(/null value in column "subject"/) }));
    expect((await logRows(test.db)).map((r) => r.request_id)).toEqual(['req-1', 'req-2', 'req-4']);
    expect(await verifyAuditChain(test.db)).toEqual({ intact: true, records: 3 });
  });

  it('refuses a record with a missing subject or a malformed province; the numbers they took are skipped and the chain stays whole', async () => {
    await writer.append(auditRecord(1));
    await expect(writer.append(auditRecord(2, { subject: null as unknown as string }))).rejects.toThrow(/null value in column "subject"/);
    await expect(writer.append(auditRecord(3, { province: '1' }))).rejects.toThrow(/audit_log_province_check/);
    await writer.append(auditRecord(4));
    expect((await logRows(test.db)).map((r) => r.seq)).toEqual([1, 4]);
    expect(await verifyAuditChain(test.db)).toEqual({ intact: true, records: 2 });
  });

  it('records appended before and after migration 004 (the hash computed first) form one chain that verifies', async () => {
    await auditAppendHashFirstMigration.down!(test.db.kysely as never);
    await writer.append(auditRecord(1));
    await writer.append(auditRecord(2, { citizens: [CITIZEN_A, CITIZEN_B] }));
    await auditAppendHashFirstMigration.up(test.db.kysely as never);
    await writer.append(auditRecord(3, { province: null, citizens: [CITIZEN_B] }));
    await writer.append(auditRecord(4));
    expect(await verifyAuditChain(test.db)).toEqual({ intact: true, records: 4 });
    const rows = await logRows(test.db);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
  });
});

describe('The canonical text of a record', () => {
  const tricky: ChainedRecord[] = [
    { ...auditRecord(1), seq: 1 },
    {
      ...auditRecord(2, {
        purpose: 'Tra cứu | đối chiếu, kiểm tra \\ hồ sơ\\N',
        operationName: null,
        province: null,
        citizens: [],
        fields: ['a,b', 'c|d', '\\', ''],
        subject: 'officer:with,comma|pipe',
      }),
      seq: 9_007_199_254,
    },
    { ...auditRecord(3, { at: new Date('1999-12-31T23:59:59.999Z'), citizens: [''], fields: [] }), seq: 3 },
  ];

  it.each(tricky.map((record) => [record.seq, record] as const))('is the same in PostgreSQL and in Node (record %s)', async (_seq, record) => {
    const { rows } = await test.db.pool.query<{ text: string; hash: string }>(
      `SELECT audit_canonical_text($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) AS text,
              encode(sha256(convert_to($11 || '|' || audit_canonical_text($1, $2, $3, $4, $5, $6, $7, $8, $9, $10), 'UTF8')), 'hex') AS hash`,
      [record.seq, record.at, record.requestId, record.subject, record.role, record.province, record.purpose, record.operationName, record.citizens, record.fields, GENESIS_HASH],
    );
    expect(rows[0]).toEqual({ text: canonicalText(record), hash: chainHash(GENESIS_HASH, record) });
  });

  it('covers the time as stored: microseconds a caller sends are rounded to the millisecond before hashing', async () => {
    await test.db.pool.query(`SELECT audit_append('2026-11-01T02:00:00.1236Z', 'req-1', 's', 'auditor', NULL, 'p', NULL, '{}', '{}')`);
    const [row] = await logRows(test.db);
    expect(row!.at).toEqual(new Date('2026-11-01T02:00:00.124Z'));
    expect(await verifyAuditChain(test.db)).toEqual({ intact: true, records: 1 });
  });
});
