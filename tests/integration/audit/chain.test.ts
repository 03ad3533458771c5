import type { PostgresAuditWriter } from '../../../gateway/audit/postgres-audit-writer';
import type { AuditRecord } from '../../../lib/auth/audit-record';
import { sealHolds } from '../../../lib/audit';
import { auditSubgraph } from '../../../subgraphs/audit';
import { auditAppendHashFirstMigration } from '../../../subgraphs/audit/data/migrations/004-audit-append-hash-first';
import { auditChangesAndSealsMigration } from '../../../subgraphs/audit/data/migrations/005-audit-changes-and-seals';
import { canonicalText, chainedRecordOf, chainHash, GENESIS_HASH, type ChainedRecord } from '../../../subgraphs/audit/data/canonical-record';
import type { Tables } from '../../../subgraphs/audit/data/tables';
import { verifyAuditChain } from '../../../subgraphs/audit/data/verify-chain';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { AUDIT_KEYS, auditRecord, CITIZEN_A, CITIZEN_B, logRows, trustIn, writerFor } from './audit-fixtures';

let test: TestDatabase<Tables>;
let writer: PostgresAuditWriter;

beforeEach(async () => {
  test = await createTestDatabase(auditSubgraph);
  writer = writerFor(test.db);
});
afterEach(async () => {
  await writer.close();
  await test.drop();
});

/** The verdict of a log with no checkpoints. */
const verdict = async () => verifyAuditChain(test.db, await trustIn());
const intact = (records: number, unsigned = 0) => ({ intact: true, records, unsigned, checkpoints: 0, newestCheckpoint: null });

describe('Appending to the audit log', () => {
  it('stores each record with the hash of the one before it, starting from the genesis hash, each batch signed by the gateway', async () => {
    const records = [
      auditRecord(1),
      auditRecord(2, { citizens: [CITIZEN_A, CITIZEN_B], fields: ['Citizen.fullName', 'Citizen.religion'] }),
      auditRecord(3, { role: 'citizen', subject: CITIZEN_B, province: null, operationName: null, citizens: [CITIZEN_B] }),
      auditRecord(4, { kind: 'intent', citizens: [CITIZEN_B], fields: ['Mutation.submitDossier'] }),
      auditRecord(4, { kind: 'outcome', outcome: 'FAILED', errorCodes: ['INVALID_TRANSITION'], fields: ['Dossier.code', 'Mutation.submitDossier'] }),
    ];
    for (const record of records) await writer.append(record);
    const rows = await logRows(test.db);
    const stored = rows.map((row) => {
      const { seq, signer: _signer, batch: _batch, signature: _signature, ...content } = chainedRecordOf(row);
      return { seq, ...content };
    });
    expect(stored).toEqual(records.map((r, i) => ({ seq: i + 1, ...r })));
    rows.forEach((row, i) => {
      expect(row.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]!.hash);
      expect(row.hash).toBe(chainHash(row.prev_hash, chainedRecordOf(row)));
      // Appended one after another: one batch each, numbered in one run of one signer.
      expect({ signer: row.signer, batch: row.batch }).toEqual({ signer: rows[0]!.signer, batch: i + 1 });
      expect(sealHolds(AUDIT_KEYS.publicKey, { signer: row.signer!, batch: row.batch!, signature: row.signature! }, [records[i]!])).toBe(true);
    });
    expect(await verdict()).toEqual(intact(5));
  });

  it('chains 50 concurrent appends without a gap or a fork, in fewer transactions than records, one signature per batch', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer.append(auditRecord(i + 1))));
    const rows = await logRows(test.db);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(rows.map((r) => r.request_id).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `req-${i + 1}`).sort());
    rows.forEach((row, i) => {
      expect(row.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]!.hash);
      expect(row.hash).toBe(chainHash(row.prev_hash, chainedRecordOf(row)));
    });
    expect(await verdict()).toEqual(intact(50));
    // The first append goes alone; the 49 that arrive while it is written go together, under one signature.
    expect(writer.transactions).toBe(2);
    expect(rows.map((r) => r.batch)).toEqual([1, ...Array<number>(49).fill(2)]);
    expect(rows.filter((r) => r.signature !== null).map((r) => r.batch)).toEqual([1, 2]);
  });

  it('a record the log refuses fails alone, even among records that arrived with it, and the signed batches still verify', async () => {
    const outcomes = await Promise.allSettled([
      writer.append(auditRecord(1)),
      writer.append(auditRecord(2)),
      writer.append(auditRecord(3, { subject: null as unknown as string })),
      writer.append(auditRecord(4)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(expect.objectContaining({ message: expect.stringMatching(/null value in column "subject"/) }));
    expect((await logRows(test.db)).map((r) => r.request_id)).toEqual(['req-1', 'req-2', 'req-4']);
    expect(await verdict()).toEqual(intact(3));
  });

  it('refuses a record with a missing subject or a malformed province; the numbers they took are skipped and the chain stays whole', async () => {
    await writer.append(auditRecord(1));
    await expect(writer.append(auditRecord(2, { subject: null as unknown as string }))).rejects.toThrow(/null value in column "subject"/);
    await expect(writer.append(auditRecord(3, { province: '1' }))).rejects.toThrow(/audit_log_province_check/);
    await writer.append(auditRecord(4));
    expect((await logRows(test.db)).map((r) => r.seq)).toEqual([1, 4]);
    expect(await verdict()).toEqual(intact(2));
  });

  it.each<[string, Partial<AuditRecord>]>([
    ['an outcome without its outcome', { kind: 'outcome' }],
    ['a read with an outcome', { outcome: 'SUCCEEDED' }],
    ['an unknown kind', { kind: 'delete' as never }],
    ['an unknown outcome', { kind: 'outcome', outcome: 'MAYBE' as never }],
    ['a null error code', { kind: 'outcome', outcome: 'FAILED', errorCodes: [null as never] }],
  ])('refuses %s', async (_what, overrides) => {
    await expect(writer.append(auditRecord(1, overrides))).rejects.toThrow(
      'audit_append: a record is a read, an intent or an outcome, and only an outcome says how the change went (SUCCEEDED, PARTIAL, FAILED or UNCERTAIN)',
    );
    expect(await logRows(test.db)).toEqual([]);
  });

  it('refuses a record that names no signed batch, even from the log\'s owner', async () => {
    await expect(test.db.pool.query("SELECT audit_append(now(), 'r', 's', 'auditor', NULL, 'p', NULL, '{}', '{}', 'read', NULL, '{}', NULL, NULL, NULL)")).rejects.toThrow(
      'audit_append: every record names the signed batch it belongs to (signer and batch)',
    );
  });

  it('records appended before migrations 004 and 005 and after them form one chain that verifies, the older ones unsigned', async () => {
    const kysely = test.db.kysely as never;
    const appendUnsigned = (n: number, citizens: string[]) =>
      test.db.pool.query('SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
        new Date(Date.UTC(2026, 9, 1, 0, 0, n)), `req-${n}`, 'officer:province-officer:01', 'province-officer', '01', 'Xử lý hồ sơ', null, citizens, ['Citizen.fullName'],
      ]);
    await auditChangesAndSealsMigration.down!(kysely);
    await auditAppendHashFirstMigration.down!(kysely);
    await appendUnsigned(1, [CITIZEN_A]);
    await appendUnsigned(2, [CITIZEN_A, CITIZEN_B]);
    await auditAppendHashFirstMigration.up(kysely);
    await appendUnsigned(3, [CITIZEN_B]);
    await auditChangesAndSealsMigration.up(kysely);
    await writer.append(auditRecord(4));
    await writer.append(auditRecord(5, { kind: 'intent', fields: ['Mutation.submitDossier'] }));
    expect(await verdict()).toEqual(intact(5, 3));
    const rows = await logRows(test.db);
    expect(rows[3]!.prev_hash).toBe(rows[2]!.hash);
    expect(rows.map((r) => [r.kind, r.signer === null])).toEqual([['read', true], ['read', true], ['read', true], ['read', false], ['intent', false]]);
  });
});

describe('The canonical text of a record', () => {
  const UNSIGNED = { kind: 'read', outcome: null, errorCodes: [], signer: null, batch: null, signature: null } as const;
  const tricky: ChainedRecord[] = [
    { ...auditRecord(1), ...UNSIGNED, seq: 1 },
    {
      ...auditRecord(2, {
        purpose: 'Tra cứu | đối chiếu, kiểm tra \\ hồ sơ\\N',
        operationName: null,
        province: null,
        citizens: [],
        fields: ['a,b', 'c|d', '\\', ''],
        subject: 'officer:with,comma|pipe',
      }),
      ...UNSIGNED,
      seq: 9_007_199_254,
    },
    { ...auditRecord(3, { at: new Date('1999-12-31T23:59:59.999Z'), citizens: [''], fields: [] }), ...UNSIGNED, seq: 3 },
    { ...auditRecord(4), seq: 4, signer: 'signer-1', batch: 12, signature: null },
    {
      ...auditRecord(5, { kind: 'outcome', outcome: 'UNCERTAIN', errorCodes: ['A,B', '|', '\\N'] }),
      seq: 5,
      signer: 'x|y,z\\',
      batch: 9_007_199_254,
      signature: 'c2lnbmF0dXJl',
    },
    { ...auditRecord(6, { kind: 'intent' }), ...UNSIGNED, kind: 'intent', seq: 6 },
  ];

  it.each(tricky.map((record) => [record.seq, record] as const))('is the same in PostgreSQL and in Node (record %s)', async (_seq, record) => {
    const { rows } = await test.db.pool.query<{ text: string; hash: string }>(
      `SELECT audit_canonical_text($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, $13, $14, $15, $16, $17) AS text,
              encode(sha256(convert_to($11 || '|' || audit_canonical_text($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12, $13, $14, $15, $16, $17), 'UTF8')), 'hex') AS hash`,
      [
        record.seq, record.at, record.requestId, record.subject, record.role, record.province, record.purpose, record.operationName, record.citizens, record.fields, GENESIS_HASH,
        record.kind, record.outcome, record.errorCodes, record.signer, record.batch, record.signature,
      ],
    );
    expect(rows[0]).toEqual({ text: canonicalText(record), hash: chainHash(GENESIS_HASH, record) });
  });

  it('keeps the first version\'s text for a record whose later columns hold their defaults, so old records still verify', async () => {
    const { rows } = await test.db.pool.query<{ v1: string; v2: string }>(
      `SELECT audit_canonical_text(1, $1, 'r', 's', 'auditor', NULL, 'p', NULL, '{}', '{}') AS v1,
              audit_canonical_text(1, $1, 'r', 's', 'auditor', NULL, 'p', NULL, '{}', '{}', 'read', NULL, '{}', NULL, NULL, NULL) AS v2`,
      [new Date('2026-11-01T02:00:00Z')],
    );
    expect(rows[0]!.v2).toBe(rows[0]!.v1);
  });

  it('covers the time as stored: microseconds a caller sends are rounded to the millisecond before hashing', async () => {
    await test.db.pool.query(`SELECT audit_append('2026-11-01T02:00:00.1236Z', 'req-1', 's', 'auditor', NULL, 'p', NULL, '{}', '{}', 'read', NULL, '{}', 'signer-1', 1, NULL)`);
    const [row] = await logRows(test.db);
    expect(row!.at).toEqual(new Date('2026-11-01T02:00:00.124Z'));
    expect(row!.hash).toBe(chainHash(GENESIS_HASH, chainedRecordOf(row!)));
  });
});
