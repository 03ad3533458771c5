import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { keysDir, readOrCreate } from '../../lib/auth/key-files';
import { StartupError } from '../startup-error';

/** The shortest key HMAC-SHA256 is given: anything shorter could be guessed from the pseudonyms. */
const MIN_KEY_BYTES = 32;

/**
 * Subjects (a citizen's subject is their personal ID) as they appear in logs: an HMAC-SHA256 under
 * a secret key, so lines of one caller can be followed and counted without naming them, and no
 * one without the key can test a personal ID against the log. Replicas that share the key
 * (LOG_PSEUDONYM_KEY_FILE) give a caller the same pseudonym.
 */
export class SubjectPseudonyms {
  constructor(private readonly key: Buffer) {
    if (key.length < MIN_KEY_BYTES) throw new StartupError(`The log pseudonym key must hold at least ${MIN_KEY_BYTES} bytes; it holds ${key.length}.`);
  }

  of(subject: string): string {
    return createHmac('sha256', this.key).update(subject).digest('base64url').slice(0, 22);
  }

  /** A key of its own for one process (tests): pseudonyms then mean nothing outside it. */
  static ephemeral(): SubjectPseudonyms {
    return new SubjectPseudonyms(randomBytes(MIN_KEY_BYTES));
  }
}

export interface PseudonymKeySource {
  mode: 'development' | 'production';
  /** LOG_PSEUDONYM_KEY_FILE. */
  keyFile?: string;
  dataDir: string;
}

/** The configured key; in development, one made in LT_DATA_DIR/keys on first use; production refuses to start without one. */
export function subjectPseudonyms({ mode, keyFile, dataDir }: PseudonymKeySource): SubjectPseudonyms {
  if (keyFile) return new SubjectPseudonyms(readFileSync(keyFile));
  if (mode === 'production') throw new StartupError('LOG_PSEUDONYM_KEY_FILE: a production gateway pseudonymises callers in its logs with a key of its own; set it to a file of at least 32 random bytes.');
  const file = path.join(keysDir(dataDir), 'log-pseudonym.key');
  return new SubjectPseudonyms(Buffer.from(readOrCreate(file, () => ({ secret: randomBytes(MIN_KEY_BYTES).toString('hex') })), 'utf8'));
}
