import type { KeyObject } from 'node:crypto';
import type { CheckpointDirectory } from '../../../lib/audit';
import type { Database } from '../../../lib/db';
import { chainedRecordOf, chainHash, GENESIS_HASH } from './canonical-record';
import { CheckpointCheck } from './checkpoint-check';
import { SealCheck, type Finding } from './seal-check';
import type { AuditLogRow, Tables } from './tables';

export { MissingAuditKeyError } from './seal-check';

/** What the verifier holds the log against, from outside the audit database. */
export interface ChainTrust {
  /** The gateway's audit public key; null when none is known (then a signed log cannot be verified). */
  publicKey: KeyObject | null;
  /** The gateway's signed checkpoints (AUDIT_CHECKPOINT_DIR). */
  checkpoints: CheckpointDirectory;
}

export type ChainVerdict =
  | {
      intact: true;
      records: number;
      /** Records written before batches were signed (migration 005): the chain alone covers them. */
      unsigned: number;
      checkpoints: number;
      /** The newest checkpointed record, null without checkpoints. */
      newestCheckpoint: number | null;
    }
  /** `seq` names the first record at which the log no longer holds (null: a problem in the checkpoint files). */
  | { intact: false; records: number; seq: number | null; problem: string };

/** Why a record does not link to the one before it (null: it does). */
function brokenLink(row: AuditLogRow, previous: AuditLogRow | null): string | null {
  if (row.prev_hash === (previous?.hash ?? GENESIS_HASH)) return null;
  const before = previous?.seq ?? 0;
  // A number can be skipped harmlessly (an append that rolled back), but not with a broken link.
  if (row.seq > before + 1) {
    const missing = row.seq === before + 2 ? `record ${before + 1} is` : `records ${before + 1} to ${row.seq - 1} are`;
    return `${missing} missing: its prev_hash is not ${previous ? `the hash of record ${before}` : 'the genesis hash'}`;
  }
  return `its prev_hash is not the hash of record ${before}: one of the two was rewritten`;
}

const chainProblem = (row: AuditLogRow, previous: AuditLogRow | null): string | null =>
  brokenLink(row, previous) ?? (chainHash(row.prev_hash, chainedRecordOf(row)) === row.hash ? null : 'its contents do not match its hash: a column was changed');

const PAGE = 10_000;

/**
 * Walks the whole log in order and checks, for each record, the hash chain (its link and its
 * hash), the gateway's signature over its batch and the gateway's checkpoints of it; then that no
 * checkpoint names a record beyond the end. One repeatable-read snapshot, so appends made
 * meanwhile neither show up half-way nor disturb the walk; pages by `seq`, so a log of millions
 * never sits in memory at once. Reads through `db`'s pool, whose type parsers (lib/db) give
 * `seq` as a number.
 */
export async function verifyAuditChain(db: Database<Tables>, trust: ChainTrust): Promise<ChainVerdict> {
  const checkpoints = CheckpointCheck.of(trust.publicKey, trust.checkpoints);
  if (!(checkpoints instanceof CheckpointCheck)) return { intact: false, records: 0, ...checkpoints };
  const seals = new SealCheck(trust.publicKey);
  const client = await db.pool.connect();
  let records = 0;
  const tampered = (finding: Finding): ChainVerdict => ({ intact: false, records, ...finding });
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let previous = null as AuditLogRow | null;
    for (;;) {
      const { rows } = await client.query<AuditLogRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [previous?.seq ?? 0, PAGE]);
      for (const row of rows) {
        const problem = chainProblem(row, previous);
        if (problem) return tampered({ seq: row.seq, problem });
        const finding = seals.add(row) ?? checkpoints.add(row);
        if (finding) return tampered(finding);
        previous = row;
        records += 1;
      }
      if (rows.length < PAGE) break;
    }
    const finding = seals.finish() ?? checkpoints.finish(previous?.seq ?? null);
    if (finding) return tampered(finding);
    return { intact: true, records, unsigned: seals.unsigned, checkpoints: checkpoints.count, newestCheckpoint: checkpoints.newest };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

function describeIntact(verdict: Extract<ChainVerdict, { intact: true }>): string {
  const parts = [`audit log intact: ${verdict.records} records`];
  if (verdict.unsigned === verdict.records && verdict.records > 0) parts.push('none in a signed batch (all predate signing): the hash chain alone covers them');
  else if (verdict.unsigned > 0) parts.push(`the first ${verdict.unsigned} predate signing and rest on the hash chain alone, the rest are in batches the gateway signed`);
  else if (verdict.records > 0) parts.push('every one in a batch the gateway signed');
  parts.push(
    verdict.newestCheckpoint === null
      ? 'no checkpoint to hold its end against, so records cut from the end would go unnoticed'
      : `${verdict.checkpoints} ${verdict.checkpoints === 1 ? 'checkpoint holds' : 'checkpoints hold'}, the newest at record ${verdict.newestCheckpoint}`,
  );
  return parts.join('; ');
}

/** The verifier's one line of output. */
export const describeVerdict = (verdict: ChainVerdict): string => {
  if (verdict.intact) return describeIntact(verdict);
  return verdict.seq === null ? `audit log tampered: ${verdict.problem}` : `audit log tampered at record ${verdict.seq}: ${verdict.problem}`;
};
