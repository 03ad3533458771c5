import type { KeyObject } from 'node:crypto';
import path from 'node:path';
import { checkpointHolds, type CheckpointDirectory, type FiledCheckpoint } from '../../../lib/audit';
import { MissingAuditKeyError, type Finding } from './seal-check';
import type { AuditLogRow } from './tables';

const where = (c: FiledCheckpoint): string => `the checkpoint of ${c.at} (${path.basename(c.file)}, line ${c.line})`;

/**
 * Holds the chain against the gateway's signed checkpoints, published outside the database: a
 * checkpointed record must still be there with the hash it had. Checkpoints come in the order of
 * the records they name, so the walk meets each at its record.
 */
export class CheckpointCheck {
  private readonly ahead: FiledCheckpoint[];
  private next = 0;

  private constructor(checkpoints: readonly FiledCheckpoint[]) {
    this.ahead = [...checkpoints].sort((a, b) => a.seq - b.seq);
  }

  /** The checkpoints whose signature holds, or the first thing wrong with the files themselves. */
  static of(publicKey: KeyObject | null, directory: CheckpointDirectory): CheckpointCheck | Finding {
    const [unreadable] = directory.unreadable;
    if (unreadable) return { seq: null, problem: `line ${unreadable.line} of checkpoint file ${path.basename(unreadable.file)} is not a checkpoint: the files were written to by someone else` };
    if (directory.checkpoints.length > 0 && !publicKey) throw new MissingAuditKeyError();
    const forged = directory.checkpoints.find((c) => !checkpointHolds(publicKey!, c));
    if (forged) return { seq: null, problem: `${where(forged)} does not hold the gateway's signature: the files were written to by someone else` };
    return new CheckpointCheck(directory.checkpoints);
  }

  get count(): number {
    return this.ahead.length;
  }

  /** The newest checkpointed record. */
  get newest(): number | null {
    return this.ahead.at(-1)?.seq ?? null;
  }

  add(row: AuditLogRow): Finding | null {
    for (; this.next < this.ahead.length && this.ahead[this.next]!.seq <= row.seq; this.next += 1) {
      const checkpoint = this.ahead[this.next]!;
      if (checkpoint.seq < row.seq) return { seq: checkpoint.seq, problem: `it is missing, yet ${where(checkpoint)} attests it: records were removed` };
      if (checkpoint.hash !== row.hash) return { seq: row.seq, problem: `its hash is not the one ${where(checkpoint)} attests: the chain was rewritten up to it` };
    }
    return null;
  }

  /** After the last record: a checkpoint beyond it means the end of the log was cut off. */
  finish(lastSeq: number | null): Finding | null {
    const cut = this.ahead[this.next];
    if (!cut) return null;
    const newest = this.ahead.at(-1)!;
    const now = lastSeq === null ? 'the log is empty' : `the log ends at record ${lastSeq}`;
    return { seq: cut.seq, problem: `it is missing: ${now}, yet ${where(newest)} attests record ${newest.seq}: records were cut from the end of the log` };
  }
}
