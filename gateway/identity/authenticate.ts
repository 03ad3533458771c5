import type { IncomingMessage } from 'node:http';
import { bearerToken, callerFromClaims, type Caller, type TokenVerifier } from '../../lib/auth';

export const PURPOSE_HEADER = 'x-purpose';

/**
 * HTTP header values are ISO-8859-1, which has no room for most Vietnamese letters, so a client
 * sends a purpose like "Xác minh hồ sơ" percent-encoded (what `encodeURIComponent` gives);
 * anything that does not decode is taken as written.
 */
function purposeHeader(req: IncomingMessage): string | undefined {
  const value = req.headers[PURPOSE_HEADER];
  if (typeof value !== 'string') return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Who is asking: the bearer token verified and read into a caller, or an UNAUTHENTICATED error (HTTP 401). */
export const authenticator =
  (verify: TokenVerifier) =>
  async (req: IncomingMessage): Promise<Caller> =>
    callerFromClaims(await verify(bearerToken(req.headers.authorization)), purposeHeader(req));
