import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Development keys live in the git-ignored data folder, created on first use. */
export const keysDir = (dataDir: string): string => path.join(dataDir, 'keys');

/** Reads a key file, creating it (and its public half) first when it does not exist yet. */
export function readOrCreate(file: string, create: () => { secret: string; public?: { file: string; text: string } }): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const made = create();
    writeFileSync(file, made.secret, { mode: 0o600 });
    if (made.public) writeFileSync(made.public.file, made.public.text, { mode: 0o644 });
  }
  return readFileSync(file, 'utf8');
}
