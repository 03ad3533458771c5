import type { KeyObject } from 'node:crypto';
import { signStatement, statementHolds } from './ed25519';

/** The newest record of the chain as one gateway saw it commit: its number and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * A signed statement, published outside the audit database, that the chain had this head at
 * this time. Removing records from the end of the log, or the whole log, leaves a checkpoint
 * naming a record that is no longer there; rewriting the chain up to a checkpointed record
 * changes that record's hash.
 */
export interface Checkpoint extends ChainHead {
  /** When it was signed, ISO-8601. */
  at: string;
  /** Ed25519 over the statement, base64url. */
  signature: string;
}

const statement = ({ seq, hash, at }: Omit<Checkpoint, 'signature'>): Buffer => Buffer.from(`lienthong-audit-checkpoint/1\n${seq}\n${hash}\n${at}`);

export const signCheckpoint = (privateKey: KeyObject, head: ChainHead, at: Date): Checkpoint => {
  const unsigned = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  return { ...unsigned, signature: signStatement(privateKey, statement(unsigned)) };
};

export const checkpointHolds = (publicKey: KeyObject, checkpoint: Checkpoint): boolean => statementHolds(publicKey, statement(checkpoint), checkpoint.signature);

/** One line of a checkpoint file. */
export const checkpointLine = (checkpoint: Checkpoint): string => `${JSON.stringify(checkpoint)}\n`;

const isCheckpoint = (value: unknown): value is Checkpoint => {
  const c = value as Partial<Checkpoint> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    Number.isSafeInteger(c.seq) &&
    (c.seq as number) > 0 &&
    typeof c.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(c.hash) &&
    typeof c.at === 'string' &&
    typeof c.signature === 'string'
  );
};

/** A line read back, or null when it is not a checkpoint at all. */
export function parseCheckpointLine(line: string): Checkpoint | null {
  try {
    const value: unknown = JSON.parse(line);
    return isCheckpoint(value) ? { seq: value.seq, hash: value.hash, at: value.at, signature: value.signature } : null;
  } catch {
    return null;
  }
}
