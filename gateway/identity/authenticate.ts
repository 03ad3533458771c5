import type { IncomingMessage } from 'node:http';
import { bearerToken, callerFromClaims, type Caller, type TokenVerifier } from '../../lib/auth';
import { purposeHeader } from './purpose-header';

/**
 * Who is asking: the bearer token verified and read into a caller, with the purpose of access
 * stated in the x-purpose header or the token. A missing or invalid token is UNAUTHENTICATED (HTTP
 * 401), checked first so that a caller without one learns nothing else; a malformed or blank
 * purpose is INVALID_PURPOSE (HTTP 400).
 */
export const authenticator =
  (verify: TokenVerifier) =>
  async (req: IncomingMessage): Promise<Caller> => {
    const claims = await verify(bearerToken(req.headers.authorization));
    return callerFromClaims(claims, purposeHeader(req));
  };
