import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import { signStatement, statementHolds } from './ed25519';
import { contentText, type RecordContent } from './record-text';

/**
 * The gateway's signature over one group-commit batch of audit records, with a key the audit
 * database never holds. Each run of batches that all committed has its own signer id and numbers
 * its batches 1, 2, 3, …, so a batch removed from the middle, repeated or moved leaves a gap in
 * its signer's numbers; a record added, changed or removed inside a batch breaks its signature; a
 * record nobody signed was not appended by the gateway.
 */
export interface BatchSeal {
  signer: string;
  batch: number;
  /** Ed25519, base64url. */
  signature: string;
}

/** A fresh signer id: random, so that two gateways (or two runs of one) never share a numbering. */
export const newSignerId = (): string => randomBytes(12).toString('base64url');

/**
 * What is signed: the signer, the batch number, how many records and a digest of their contents.
 * The contents are sorted first, so the order the database appends a batch in (one statement)
 * does not matter (the batch is committed whole or not at all); each is framed by its length, so
 * no two batches share a digest. One hash per batch: the seal costs a few µs per record.
 */
function sealMessage(signer: string, batch: number, records: readonly RecordContent[]): Buffer {
  const hash = createHash('sha256');
  for (const text of records.map(contentText).sort()) hash.update(`${Buffer.byteLength(text)}:${text}`, 'utf8');
  return Buffer.from(`lienthong-audit-batch/1\n${signer}\n${batch}\n${records.length}\n${hash.digest('hex')}`);
}

export const sealBatch = (privateKey: KeyObject, signer: string, batch: number, records: readonly RecordContent[]): BatchSeal => ({
  signer,
  batch,
  signature: signStatement(privateKey, sealMessage(signer, batch, records)),
});

/** Whether a batch's records are exactly those its signature covers. */
export const sealHolds = (publicKey: KeyObject, seal: BatchSeal, records: readonly RecordContent[]): boolean =>
  statementHolds(publicKey, sealMessage(seal.signer, seal.batch, records), seal.signature);
