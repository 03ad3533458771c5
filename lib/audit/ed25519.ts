import { sign, verify, type KeyObject } from 'node:crypto';

/** Ed25519 signature of a statement, base64url (how seals and checkpoints carry theirs). */
export const signStatement = (privateKey: KeyObject, statement: Buffer): string => sign(null, statement, privateKey).toString('base64url');

export function statementHolds(publicKey: KeyObject, statement: Buffer, signature: string): boolean {
  try {
    return verify(null, statement, publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    // A signature of the wrong length, or a key of another kind, is simply not valid.
    return false;
  }
}
