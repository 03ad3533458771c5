import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CheckpointPublisher } from '../../../gateway/audit/checkpoint-publisher';
import { appendCheckpoint, readCheckpoints, signCheckpoint } from '../../../lib/audit';
import { createLogger } from '../../../lib/logging';
import { auditSubgraph } from '../../../subgraphs/audit';
import { chainedRecordOf, chainHash } from '../../../subgraphs/audit/data/canonical-record';
import type { Tables } from '../../../subgraphs/audit/data/tables';
import { describeVerdict, MissingAuditKeyError, verifyAuditChain } from '../../../subgraphs/audit/data/verify-chain';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { appendEach, AUDIT_KEYS, auditRecord, logRows, recomputeChainFrom, tamper, tamperAsReplica, trustIn } from './audit-fixtures';

let test: TestDatabase<Tables>;
let checkpointDir: string;

/** The gateway's checkpoint publisher on this test's directory; with an hour between checkpoints, only the one at shutdown is written. */
const publisher = () => new CheckpointPublisher({ dir: checkpointDir, intervalMs: 3_600_000, signingKey: AUDIT_KEYS.privateKey, logger: createLogger('gateway') });

/** A fresh log of five records, each its own signed batch, and one checkpoint of its head (record 5), for each test, since each test damages it. */
beforeEach(async () => {
  test = await createTestDatabase(auditSubgraph);
  checkpointDir = mkdtempSync(path.join(tmpdir(), 'lienthong-checkpoints-'));
  await appendEach(test.db, [1, 2, 3, 4, 5].map((n) => auditRecord(n)), { checkpoints: publisher() });
});
afterEach(async () => {
  await test.drop();
  rmSync(checkpointDir, { recursive: true, force: true });
});

const verdict = async () => verifyAuditChain(test.db, await trustIn(checkpointDir));
const verdictLine = async () => describeVerdict(await verdict());
const signerOf = async (seq: number) => (await logRows(test.db)).find((row) => row.seq === seq)!.signer!;
/** Where the test's one checkpoint is, as the verifier names it. */
const theCheckpoint = async () => {
  const [checkpoint] = (await readCheckpoints(checkpointDir)).checkpoints;
  return `the checkpoint of ${checkpoint!.at} (${path.basename(checkpoint!.file)}, line 1)`;
};

describe('Verifying the audit log', () => {
  it('finds an untouched log intact: every record in a signed batch, the checkpoint of its head holding', async () => {
    expect(await verdict()).toEqual({ intact: true, records: 5, unsigned: 0, checkpoints: 1, newestCheckpoint: 5 });
    expect(await verdictLine()).toBe('audit log intact: 5 records; every one in a batch the gateway signed; 1 checkpoint holds, the newest at record 5');
  });

  it('finds a log with no records yet intact, and says that nothing holds its end', async () => {
    const empty = await createTestDatabase(auditSubgraph);
    try {
      expect(describeVerdict(await verifyAuditChain(empty.db, await trustIn()))).toBe(
        'audit log intact: 0 records; no checkpoint to hold its end against, so records cut from the end would go unnoticed',
      );
    } finally {
      await empty.drop();
    }
  });

  it('names the record whose purpose was changed behind the trigger', async () => {
    await tamper(test.db, "UPDATE audit_log SET purpose = 'Kiểm tra định kỳ' WHERE seq = 3");
    expect(await verdict()).toEqual({ intact: false, records: 2, seq: 3, problem: 'its contents do not match its hash: a column was changed' });
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

describe('Tampering the hash chain alone cannot show, caught by signatures and checkpoints', () => {
  it('catches the last records cut off (deleted by a superuser with triggers off), by the checkpoint of the head', async () => {
    await tamperAsReplica(test.db, 'DELETE FROM audit_log WHERE seq > 3');
    expect(await verdict()).toEqual(expect.objectContaining({ intact: false, records: 3, seq: 5 }));
    expect(await verdictLine()).toBe(
      `audit log tampered at record 5: it is missing: the log ends at record 3, yet ${await theCheckpoint()} attests record 5: records were cut from the end of the log`,
    );
  });

  it('catches a truncated table, by the checkpoint of the head', async () => {
    await tamperAsReplica(test.db, 'TRUNCATE audit_log');
    expect(await verdictLine()).toBe(
      `audit log tampered at record 5: it is missing: the log is empty, yet ${await theCheckpoint()} attests record 5: records were cut from the end of the log`,
    );
  });

  it("catches a record changed with every later hash recomputed by the database's own function, by the batch's signature", async () => {
    await tamper(test.db, "UPDATE audit_log SET purpose = 'Kiểm tra định kỳ' WHERE seq = 2");
    await recomputeChainFrom(test.db, 2);
    expect(await verifyAuditChain(test.db, await trustIn())).toEqual({
      intact: false,
      records: 2,
      seq: 2,
      problem: "the gateway's signature over the batch of record 2 does not hold: a record of it was changed, added or removed",
    });
  });

  it('catches a record whose hash is not the one a checkpoint attests: a chain rewritten up to it', async () => {
    // A checkpoint of record 3 with another hash, as the gateway would have signed it before the rewrite.
    await appendCheckpoint(path.join(checkpointDir, 'old.checkpoints.jsonl'), signCheckpoint(AUDIT_KEYS.privateKey, { seq: 3, hash: 'b'.repeat(64) }, new Date('2026-11-01T02:00:04Z')));
    expect(await verdictLine()).toBe(
      'audit log tampered at record 3: its hash is not the one the checkpoint of 2026-11-01T02:00:04.000Z (old.checkpoints.jsonl, line 1) attests: the chain was rewritten up to it',
    );
  });

  it('catches a record appended at the end by calling audit_append directly, with a made-up batch', async () => {
    await test.db.pool.query(
      "SELECT audit_append(now(), 'forged', 'officer:x', 'province-officer', '01', 'p', NULL, '{}', '{}', 'read', NULL, '{}', 'made-up', 1, NULL)",
    );
    expect(await verdictLine()).toBe('audit log tampered at record 6: the batch of record 6 carries no signature where the gateway puts one: the gateway did not append it');
  });

  it("catches a record appended at the end with a gateway signer's next number and a signature of its own making", async () => {
    const signer = await signerOf(5);
    await test.db.pool.query(
      `SELECT audit_append(now(), 'forged', 'officer:x', 'province-officer', '01', 'p', NULL, '{}', '{}', 'read', NULL, '{}', '${signer}', 6, '${'A'.repeat(86)}')`,
    );
    expect(await verdictLine()).toBe("audit log tampered at record 6: the gateway's signature over the batch of record 6 does not hold: a record of it was changed, added or removed");
  });

  it('catches a record inserted at the end without audit_append, its hash computed by the database', async () => {
    await tamper(
      test.db,
      `INSERT INTO audit_log (seq, at, request_id, subject, role, citizens, fields, prev_hash, hash)
       SELECT 6, now(), 'forged', 'x', 'auditor', '{}', '{}', hash, repeat('0', 64) FROM audit_log WHERE seq = 5`,
    );
    await recomputeChainFrom(test.db, 6);
    expect(await verdictLine()).toBe('audit log tampered at record 6: it carries no signature of the gateway, yet records before it do: the gateway did not append it');
  });

  it('catches a signed batch appended again at the end', async () => {
    const copy = (await logRows(test.db))[2]!;
    await test.db.pool.query('SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)', [
      copy.at, copy.request_id, copy.subject, copy.role, copy.province, copy.purpose, copy.operation_name, copy.citizens, copy.fields,
      copy.kind, copy.outcome, copy.error_codes, copy.signer, copy.batch, copy.signature,
    ]);
    expect(await verdictLine()).toBe(`audit log tampered at record 6: its batch (number 3 of gateway signer ${copy.signer}) comes again after number 5: signed records were copied or moved`);
  });

  it('catches a whole batch removed from the middle with the chain recomputed, by the gap in its signer\'s numbers', async () => {
    const signer = await signerOf(3);
    await tamper(test.db, 'DELETE FROM audit_log WHERE seq = 3');
    await recomputeChainFrom(test.db, 4);
    expect(await verdictLine()).toBe(`audit log tampered at record 4: batch 3 of gateway signer ${signer} is missing before it: records were removed`);
  });

  it('catches a checkpoint written by someone else, and a line that is no checkpoint', async () => {
    const [file] = (await readCheckpoints(checkpointDir)).checkpoints.map((c) => c.file);
    const line = JSON.parse(readFileSync(file!, 'utf8')) as { seq: number };
    writeFileSync(file!, `${JSON.stringify({ ...line, seq: 2 })}\n`);
    expect(await verdictLine()).toMatch(/^audit log tampered: the checkpoint of .* \(.*\.checkpoints\.jsonl, line 1\) does not hold the gateway's signature: the files were written to by someone else$/);
    writeFileSync(file!, 'not a checkpoint\n');
    expect(await verdictLine()).toBe(`audit log tampered: line 1 of checkpoint file ${path.basename(file!)} is not a checkpoint: the files were written to by someone else`);
  });

  it('cannot check a signed log without the public key, and says so rather than call it intact', async () => {
    await expect(verifyAuditChain(test.db, { publicKey: null, checkpoints: { checkpoints: [], unreadable: [] } })).rejects.toThrow(MissingAuditKeyError);
  });
});
