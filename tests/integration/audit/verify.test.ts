import { createPostgresAuditWriter } from '../../../gateway/audit/postgres-audit-writer';
import { auditSubgraph } from '../../../subgraphs/audit';
import { chainedRecordOf, chainHash } from '../../../subgraphs/audit/data/canonical-record';
import type { Tables } from '../../../subgraphs/audit/data/tables';
import { describeVerdict, verifyAuditChain } from '../../../subgraphs/audit/data/verify-chain';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { auditRecord, logRows, tamper, urlOf } from './audit-fixtures';

let test: TestDatabase<Tables>;

/** A fresh log of five records for each test, since each test damages it. */
beforeEach(async () => {
  test = await createTestDatabase(auditSubgraph);
  const writer = createPostgresAuditWriter({ url: urlOf(test.db) });
  for (let n = 1; n <= 5; n += 1) await writer.append(auditRecord(n));
  await writer.close();
});
afterEach(() => test.drop());

const verdictLine = async () => describeVerdict(await verifyAuditChain(test.db));

describe('Verifying the audit log', () => {
  it('finds an untouched log intact and counts its records', async () => {
    expect(await verifyAuditChain(test.db)).toEqual({ intact: true, records: 5 });
    expect(await verdictLine()).toBe('audit log intact: 5 records');
  });

  it('finds a log with no records yet intact', async () => {
    const empty = await createTestDatabase(auditSubgraph);
    try {
      expect(describeVerdict(await verifyAuditChain(empty.db))).toBe('audit log intact: 0 records');
    } finally {
      await empty.drop();
    }
  });

  it('names the record whose purpose was changed behind the trigger', async () => {
    await tamper(test.db, "UPDATE audit_log SET purpose = 'Kiểm tra định kỳ' WHERE seq = 3");
    expect(await verifyAuditChain(test.db)).toEqual({ intact: false, records: 2, seq: 3, problem: 'its contents do not match its hash: a column was changed' });
    expect(await verdictLine()).toBe('audit log tampered at record 3: its contents do not match its hash: a column was changed');
  });

  it('names the record after a deleted one, and says which is missing', async () => {
    await tamper(test.db, 'DELETE FROM audit_log WHERE seq = 3');
    expect(await verdictLine()).toBe('audit log tampered at record 4: record 3 is missing: its prev_hash is not the hash of record 2');
  });

  it('notices deleted records at the start of the chain', async () => {
    await tamper(test.db, 'DELETE FROM audit_log WHERE seq <= 2');
    expect(await verdictLine()).toBe('audit log tampered at record 3: records 1 to 2 are missing: its prev_hash is not the genesis hash');
  });

  it('catches a record rewritten with a freshly computed hash at the record after it', async () => {
    const row = (await logRows(test.db))[1]!;
    const forged = chainHash(row.prev_hash, { ...chainedRecordOf(row), citizens: [] });
    await tamper(test.db, `UPDATE audit_log SET citizens = '{}', hash = '${forged}' WHERE seq = 2`);
    expect(await verdictLine()).toBe('audit log tampered at record 3: its prev_hash is not the hash of record 2: one of the two was rewritten');
  });

  it('catches an edited hash', async () => {
    await tamper(test.db, `UPDATE audit_log SET hash = repeat('a', 64) WHERE seq = 5`);
    expect(await verdictLine()).toBe('audit log tampered at record 5: its contents do not match its hash: a column was changed');
  });
});
