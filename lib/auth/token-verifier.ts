import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from './auth-error';

/** Only asymmetric algorithms: a leaked verification key must not let anyone mint tokens. */
export const TOKEN_ALGORITHMS = ['RS256', 'ES256'];

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Identity provider's JWKS endpoint: keys are cached and refetched when a new `kid` appears. */
  jwksUrl?: string;
  /** A local JWKS file (`{"keys": [...]}`) of trusted public keys. */
  jwksFile?: string;
  /** Extra trusted key sets, e.g. the development issuer's in development mode. */
  extraKeySets?: JSONWebKeySet[];
  clockToleranceSeconds?: number;
}

export type TokenVerifier = (token: string) => Promise<JWTPayload>;

function keySources(options: TokenVerifierOptions): JWTVerifyGetKey[] {
  const sources: JWTVerifyGetKey[] = [];
  if (options.jwksUrl) sources.push(createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }));
  if (options.jwksFile) sources.push(createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8')) as JSONWebKeySet));
  for (const set of options.extraKeySets ?? []) sources.push(createLocalJWKSet(set));
  return sources;
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is not signed with RS256 or ES256';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'the token\'s signature does not verify';
  return 'the token is malformed';
}

/**
 * Verifies bearer tokens: algorithm pinned, issuer and audience required, expiry required,
 * small clock tolerance. Keys come from a JWKS URL (with caching and rotation), a file, or both.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const sources = keySources(options);
  if (sources.length === 0) throw new Error('No token verification keys: set JWT_JWKS_URL or JWT_JWKS_FILE');
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: TOKEN_ALGORITHMS,
    requiredClaims: ['exp', 'sub'],
    clockTolerance: options.clockToleranceSeconds ?? 30,
  };
  return async (token) => {
    let failure: unknown;
    for (const source of sources) {
      try {
        return (await jwtVerify(token, source, verifyOptions)).payload;
      } catch (error) {
        failure = error;
        // Only a key that is not in this set sends us on to the next set.
        if (!(error instanceof errors.JWKSNoMatchingKey)) break;
      }
    }
    throw unauthenticated(reasonOf(failure));
  };
}

/** `Authorization: Bearer <token>` → the token, or an UNAUTHENTICATED error. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header ?? '');
  if (!match) throw unauthenticated(header ? 'the Authorization header is not "Bearer <JWT>"' : 'send a token as "Authorization: Bearer <JWT>" (npm run token prints one in development)');
  return match[1]!;
}
