import type { JWTPayload } from 'jose';
import type { TokenVerifier } from '../../lib/auth';
import { BoundedCache, stringBytes } from '../memory/bounded-cache';

export interface VerifiedTokenCacheOptions {
  /** Bytes of tokens and their claims remembered at once; the least recently used goes first. */
  maxBytes: number;
  /** Longest a verification is trusted before the signature is checked again, so a key withdrawn from the JWKS stops working within it. */
  maxAgeMs: number;
  now?: () => number;
}

interface Verified {
  claims: JWTPayload;
  trustedUntil: number;
}

/**
 * Remembers tokens that verified, until their expiry or `maxAgeMs`, whichever comes first: a
 * client sends the same token with every request, and checking its signature again is most of
 * what authentication costs (bench/levers.ts). Only successes are kept, so a bad token is
 * refused with its reason every time.
 */
export function cachingVerifier(verify: TokenVerifier, { maxBytes, maxAgeMs, now = Date.now }: VerifiedTokenCacheOptions): TokenVerifier {
  const verified = new BoundedCache<Verified>({
    name: 'verified_tokens',
    maxBytes,
    // A token is at most as long as a request header (16 KiB in Node): any fits.
    maxEntryBytes: maxBytes,
    bytesOf: ({ claims }, token) => stringBytes(token) + stringBytes(JSON.stringify(claims)),
  });
  return async (token) => {
    const time = now();
    const known = verified.get(token);
    if (known && time < known.trustedUntil) return known.claims;
    const claims = await verify(token);
    // jose has just required `exp`; a token without one would not get here.
    const expiresAt = (claims.exp ?? 0) * 1000;
    verified.set(token, { claims, trustedUntil: Math.min(expiresAt, time + maxAgeMs) });
    return claims;
  };
}
