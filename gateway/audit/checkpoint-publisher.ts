import { randomBytes, type KeyObject } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { appendCheckpoint, CHECKPOINT_FILE_SUFFIX, signCheckpoint, type ChainHead } from '../../lib/audit';
import type { Logger } from '../../lib/logging';

export interface CheckpointPublisherOptions {
  /** Where checkpoint files go (AUDIT_CHECKPOINT_DIR): outside the audit database, ideally on other storage. */
  dir: string;
  /** At most one checkpoint per this many milliseconds (AUDIT_CHECKPOINT_INTERVAL_MS). */
  intervalMs: number;
  /** The gateway's audit key, the one its batches are signed with. */
  signingKey: KeyObject;
  logger: Logger;
}

/** One file per gateway process: several gateways may write one chain, and none appends to another's file. */
const fileName = (): string => `${hostname().replace(/[^A-Za-z0-9.-]/g, '_')}-${process.pid}-${randomBytes(4).toString('hex')}${CHECKPOINT_FILE_SUFFIX}`;

/**
 * Publishes signed checkpoints of the chain's head (lib/audit/checkpoint.ts) after commits, at
 * most once per interval, and the last one at shutdown. The hot path only notes the newest
 * head; signing and the file write happen on a timer, off the request. A checkpoint that cannot
 * be written is logged as an error and does not fail any request: the records themselves are
 * committed and signed, only the evidence that they were there is late.
 */
export class CheckpointPublisher {
  readonly file: string;
  private unpublished: ChainHead | null = null;
  // The interval counts from the start too, so a burst of restarts cannot write a burst of checkpoints.
  private lastPublishedAt = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly options: CheckpointPublisherOptions) {
    this.file = path.join(options.dir, fileName());
  }

  /** A commit made `head` the chain's newest record. */
  note(head: ChainHead): void {
    if (this.unpublished && this.unpublished.seq >= head.seq) return;
    this.unpublished = head;
    if (this.timer) return;
    const wait = Math.max(0, this.lastPublishedAt + this.options.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.publish();
    }, wait);
    // A pending checkpoint never keeps the process alive: close() publishes it.
    this.timer.unref();
  }

  /** Publishes the head not yet published; resolves once every checkpoint so far is on disk (or logged as lost). */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.publish();
  }

  private publish(): Promise<void> {
    const head = this.unpublished;
    if (head) {
      this.unpublished = null;
      this.lastPublishedAt = Date.now();
      const checkpoint = signCheckpoint(this.options.signingKey, head, new Date());
      this.writes = this.writes.then(() =>
        appendCheckpoint(this.file, checkpoint).catch((error: unknown) =>
          this.options.logger.error({ file: this.file, seq: head.seq, cause: (error as Error).message }, 'audit checkpoint not written'),
        ),
      );
    }
    return this.writes;
  }
}
