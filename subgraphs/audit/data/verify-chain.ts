import type { Database } from '../../../lib/db';
import { chainedRecordOf, chainHash, GENESIS_HASH } from './canonical-record';
import type { AuditLogRow, Tables } from './tables';

export type ChainVerdict =
  | { intact: true; records: number }
  /** `seq` is the first record at which the chain no longer holds. */
  | { intact: false; records: number; seq: number; problem: string };

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

const PAGE = 10_000;

/**
 * Walks the whole chain in order and recomputes every hash. One repeatable-read snapshot, so
 * appends made meanwhile neither show up half-way nor disturb the walk; pages by `seq`, so a
 * log of millions never sits in memory at once. Reads through `db`'s pool, whose type parsers
 * (lib/db) give `seq` as a number.
 */
export async function verifyAuditChain(db: Database<Tables>): Promise<ChainVerdict> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let previous = null as AuditLogRow | null;
    let records = 0;
    for (;;) {
      const { rows } = await client.query<AuditLogRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [previous?.seq ?? 0, PAGE]);
      for (const row of rows) {
        const problem = brokenLink(row, previous) ?? (chainHash(row.prev_hash, chainedRecordOf(row)) === row.hash ? null : 'its contents do not match its hash: a column was changed');
        if (problem) return { intact: false, records, seq: row.seq, problem };
        previous = row;
        records += 1;
      }
      if (rows.length < PAGE) return { intact: true, records };
    }
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** The verifier's one line of output. */
export const describeVerdict = (verdict: ChainVerdict): string =>
  verdict.intact ? `audit log intact: ${verdict.records} records` : `audit log tampered at record ${verdict.seq}: ${verdict.problem}`;
