import type { KeyObject } from 'node:crypto';
import { sealHolds } from '../../../lib/audit';
import { chainedRecordOf, type ChainedRecord } from './canonical-record';
import type { AuditLogRow } from './tables';

/** Something the verifier found wrong, at the record it names (null: outside the log). */
export interface Finding {
  seq: number | null;
  problem: string;
}

/** Raised when the log holds signed batches and no public key was given to check them with. */
export class MissingAuditKeyError extends Error {
  override readonly name = 'MissingAuditKeyError';
  constructor() {
    super("the log holds batches signed by the gateway and no audit public key is known to check them with (set AUDIT_PUBLIC_KEY_FILE)");
  }
}

interface OpenBatch {
  signer: string;
  batch: number;
  records: ChainedRecord[];
  signatures: string[];
}

const rangeOf = (records: readonly ChainedRecord[]): string =>
  records.length === 1 ? `record ${records[0]!.seq}` : `records ${records[0]!.seq} to ${records.at(-1)!.seq}`;

/**
 * Checks, record by record in chain order, the gateway's batch seals (lib/audit/seal.ts): every
 * record after the first signed one belongs to a batch; each batch carries one signature that
 * holds over exactly its records; each signer's batches come 1, 2, 3, … with no gap or repeat.
 * Records before the first signed one predate signing (migration 005) and rest on the chain alone.
 */
export class SealCheck {
  /** Records older than signing. */
  unsigned = 0;
  signed = 0;
  private open: OpenBatch | null = null;
  private readonly nextBatch = new Map<string, number>();

  constructor(private readonly publicKey: KeyObject | null) {}

  add(row: AuditLogRow): Finding | null {
    const record = chainedRecordOf(row);
    const sameBatch = this.open !== null && this.open.signer === row.signer && this.open.batch === row.batch;
    if (!sameBatch) {
      const closed = this.close();
      if (closed) return closed;
    }
    if (row.signer === null || row.batch === null) {
      if (this.signed > 0) return { seq: row.seq, problem: 'it carries no signature of the gateway, yet records before it do: the gateway did not append it' };
      this.unsigned += 1;
      return null;
    }
    if (!sameBatch) {
      const gap = this.gapBefore(row.signer, row.batch);
      if (gap) return { seq: row.seq, problem: gap };
      this.open = { signer: row.signer, batch: row.batch, records: [], signatures: [] };
    }
    this.open!.records.push(record);
    if (row.signature !== null) this.open!.signatures.push(row.signature);
    this.signed += 1;
    return null;
  }

  /** The last batch, checked once the walk has passed it. */
  finish(): Finding | null {
    return this.close();
  }

  private gapBefore(signer: string, batch: number): string | null {
    const expected = this.nextBatch.get(signer) ?? 1;
    if (batch === expected) return null;
    if (batch < expected) return `its batch (number ${batch} of gateway signer ${signer}) comes again after number ${expected - 1}: signed records were copied or moved`;
    const missing = batch === expected + 1 ? `batch ${expected}` : `batches ${expected} to ${batch - 1}`;
    return `${missing} of gateway signer ${signer} ${batch === expected + 1 ? 'is' : 'are'} missing before it: records were removed`;
  }

  private close(): Finding | null {
    const open = this.open;
    if (!open) return null;
    this.open = null;
    this.nextBatch.set(open.signer, open.batch + 1);
    const range = rangeOf(open.records);
    const first = open.records[0]!.seq;
    if (open.signatures.length !== 1) {
      const carried = open.signatures.length === 0 ? 'no signature' : `${open.signatures.length} signatures`;
      return { seq: first, problem: `the batch of ${range} carries ${carried} where the gateway puts one: the gateway did not append it` };
    }
    if (!this.publicKey) throw new MissingAuditKeyError();
    const seal = { signer: open.signer, batch: open.batch, signature: open.signatures[0]! };
    if (!sealHolds(this.publicKey, seal, open.records)) {
      return { seq: first, problem: `the gateway's signature over the batch of ${range} does not hold: a record of it was changed, added or removed` };
    }
    return null;
  }
}
