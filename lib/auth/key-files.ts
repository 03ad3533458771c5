import { generateKeyPairSync } from 'node:crypto';
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

export interface SigningKeyFiles {
  privateKeyFile: string;
  publicKeyFile: string;
}

/** The files of a development Ed25519 key pair named `name` in the data folder (made or not). */
export const devKeyPairFiles = (dataDir: string, name: string): SigningKeyFiles => ({
  privateKeyFile: path.join(keysDir(dataDir), `${name}.private.pem`),
  publicKeyFile: path.join(keysDir(dataDir), `${name}.public.pem`),
});

/** A development Ed25519 key pair in the data folder (PKCS#8 and SPKI PEM), created on first use. */
export function ensureDevKeyPair(dataDir: string, name: string): SigningKeyFiles {
  const files = devKeyPairFiles(dataDir, name);
  readOrCreate(files.privateKeyFile, () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return {
      secret: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      public: { file: files.publicKeyFile, text: publicKey.export({ format: 'pem', type: 'spki' }).toString() },
    };
  });
  return files;
}
