import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { calculateJwkThumbprint, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { keysDir, readOrCreate } from './key-files';
import { ROLES, type Role } from './roles';

/** The development issuer: trusted by a gateway in development mode only, never in production. */
export const DEV_ISSUER = 'urn:lienthong:dev-issuer';
export const DEFAULT_AUDIENCE = 'lienthong';

const privateFile = (dataDir: string) => path.join(keysDir(dataDir), 'dev-issuer.private.jwk.json');
const publicFile = (dataDir: string) => path.join(keysDir(dataDir), 'dev-issuer.jwks.json');

function devPrivateJwk(dataDir: string): JWK {
  const text = readOrCreate(privateFile(dataDir), () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const kid = `dev-${Date.now().toString(36)}`;
    const privateJwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' };
    const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' };
    return { secret: JSON.stringify(privateJwk), public: { file: publicFile(dataDir), text: JSON.stringify({ keys: [publicJwk] }) } };
  });
  return JSON.parse(text) as JWK;
}

/** The public key set a development gateway trusts (creating the key pair on first use). */
export function devIssuerKeySet(dataDir: string): JSONWebKeySet {
  const { d: _private, ...publicJwk } = devPrivateJwk(dataDir);
  return { keys: [publicJwk] };
}

export interface DevTokenRequest {
  dataDir: string;
  role: Role;
  subject?: string;
  province?: string;
  purpose?: string;
  /** Seconds until expiry. */
  ttlSeconds: number;
  /** Scopes to use instead of the role's bundle. */
  scopes?: readonly string[];
  audience?: string;
}

/** Signs a token for a role, exactly as an identity provider would shape it. */
export async function issueDevToken(request: DevTokenRequest): Promise<string> {
  const jwk = devPrivateJwk(request.dataDir);
  const key = await importJWK(jwk, 'ES256');
  const subject = request.subject ?? `officer:${request.role}${request.province ? `:${request.province}` : ''}`;
  const claims: Record<string, unknown> = { role: request.role, scope: (request.scopes ?? ROLES[request.role].scopes).join(' ') };
  if (request.province) claims.province = request.province;
  if (request.purpose) claims.purpose = request.purpose;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid ?? (await calculateJwkThumbprint(jwk)), typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(request.audience ?? DEFAULT_AUDIENCE)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + request.ttlSeconds)
    .sign(key);
}
