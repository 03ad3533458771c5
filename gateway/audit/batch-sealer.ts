import type { KeyObject } from 'node:crypto';
import { newSignerId, sealBatch, type BatchSeal, type RecordContent } from '../../lib/audit';

/**
 * Numbers and signs the writer's batches (lib/audit/seal.ts). A run of batches that all committed
 * shares one signer id and is numbered 1, 2, 3, … with no gap, which is what lets the verifier
 * call a gap a removal. A batch that failed may still have committed (the connection can drop
 * after the COMMIT was sent), so after any failure the numbering starts again under a new signer:
 * neither a gap nor a repeat can come from the gateway itself.
 */
export class BatchSealer {
  private signer = newSignerId();
  private next = 1;

  constructor(private readonly signingKey: KeyObject) {}

  /** The seal of the batch about to be written. */
  seal(records: readonly RecordContent[]): BatchSeal {
    return sealBatch(this.signingKey, this.signer, this.next, records);
  }

  committed(): void {
    this.next += 1;
  }

  failed(): void {
    this.signer = newSignerId();
    this.next = 1;
  }
}
