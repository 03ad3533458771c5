import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { ensureDevAuditKeys } from '../../lib/audit';
import { createTokenVerifier, devIssuerKeySet, ensureDevSigningKeys, loadPrivateKey, type Caller, type TokenVerifier, DEV_ISSUER } from '../../lib/auth';
import { StartupError } from '../startup-error';
import { loadConfig, settings as configuration } from '../../lib/config';
import { authenticator } from './authenticate';
import { MEGABYTE } from '../memory/bounded-cache';
import { cachingVerifier } from './verified-token-cache';

export interface IdentitySettings {
  mode: 'development' | 'production';
  issuer: string;
  audience: string;
  jwksUrl?: string;
  jwksFile?: string;
  /** Ed25519 private key (PKCS#8 PEM) for signing subgraph requests. */
  signingKeyFile?: string;
  /** Ed25519 private key (PKCS#8 PEM) for signing audit batches and checkpoints. */
  auditSigningKeyFile?: string;
  /** Where development keys live (LT_DATA_DIR). */
  dataDir: string;
  /** Megabytes of verified tokens remembered until they expire (at most a minute); defaults to JWT_VERIFIED_CACHE_MB. */
  verifiedTokenCacheMb?: number;
}

/** A verification is trusted this long at most, so a key withdrawn from the JWKS stops working within a minute. */
const VERIFIED_TOKEN_MAX_AGE_MS = 60_000;
const DEFAULT_CACHE_MB = loadConfig({ megabytes: configuration.jwtVerifiedCacheMb }, {}).megabytes;

/** Whom the gateway believes and how it vouches for them to subgraphs. */
export interface GatewayIdentity {
  authenticate(req: IncomingMessage): Promise<Caller>;
  signingKey: KeyObject;
  /** Signs the audit log's batches and checkpoints; a different key from `signingKey`, and never in the audit database. */
  auditSigningKey: KeyObject;
}

/** Production trusts nothing it did not configure: each missing piece, said in one line. */
function productionGaps(settings: IdentitySettings): string[] {
  const gaps: string[] = [];
  if (!settings.jwksUrl && !settings.jwksFile) gaps.push('JWT_JWKS_URL or JWT_JWKS_FILE (the identity provider\'s keys)');
  if (settings.issuer === DEV_ISSUER) gaps.push('JWT_ISSUER (the identity provider\'s issuer, not the development one)');
  if (!settings.signingKeyFile) gaps.push('GATEWAY_SIGNING_KEY_FILE (the Ed25519 key subgraph requests are signed with)');
  if (!settings.auditSigningKeyFile) gaps.push('AUDIT_SIGNING_KEY_FILE (the Ed25519 key the audit log is signed with)');
  return gaps;
}

function readKeyFile(variable: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new StartupError(`Cannot read ${variable} ${file}: ${(error as Error).message}`);
  }
}

function ed25519KeyOf(variable: string, file: string, verifiers: string): KeyObject {
  const key = loadPrivateKey(readKeyFile(variable, file));
  if (key.asymmetricKeyType !== 'ed25519') throw new StartupError(`${variable} ${file} holds a ${key.asymmetricKeyType} key; ${verifiers} verify Ed25519 only.`);
  return key;
}

function verifierOf(settings: IdentitySettings, development: boolean): TokenVerifier {
  const extraKeySets = development ? [devIssuerKeySet(settings.dataDir)] : [];
  try {
    const verify = createTokenVerifier({
      issuer: settings.issuer,
      audience: settings.audience,
      jwksUrl: settings.jwksUrl,
      jwksFile: settings.jwksFile,
      extraKeySets,
    });
    return cachingVerifier(verify, { maxBytes: (settings.verifiedTokenCacheMb ?? DEFAULT_CACHE_MB) * MEGABYTE, maxAgeMs: VERIFIED_TOKEN_MAX_AGE_MS });
  } catch (error) {
    // Only the JWKS file is read here (a JWKS URL is fetched at the first token).
    throw new StartupError(`Cannot read JWT_JWKS_FILE ${settings.jwksFile}: ${(error as Error).message}`);
  }
}

/**
 * The gateway's identity set-up for its mode. Development also trusts the development issuer's
 * key and makes its own signing keys in the data folder; production refuses to start until the
 * identity provider's keys and both signing keys are configured, and never trusts the development key.
 */
export function gatewayIdentity(settings: IdentitySettings): GatewayIdentity {
  const development = settings.mode === 'development';
  if (!development) {
    const gaps = productionGaps(settings);
    if (gaps.length > 0) throw new StartupError(`LT_MODE=production needs ${gaps.join(', ')}.`);
  }
  return {
    authenticate: authenticator(verifierOf(settings, development)),
    signingKey: ed25519KeyOf('GATEWAY_SIGNING_KEY_FILE', settings.signingKeyFile ?? ensureDevSigningKeys(settings.dataDir).privateKeyFile, 'subgraphs'),
    auditSigningKey: ed25519KeyOf('AUDIT_SIGNING_KEY_FILE', settings.auditSigningKeyFile ?? ensureDevAuditKeys(settings.dataDir).privateKeyFile, 'audit:verify and auditors'),
  };
}
