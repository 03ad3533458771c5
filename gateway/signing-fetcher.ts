import type { KeyObject } from 'node:crypto';
import { IDENTITY_HEADERS, signRequest } from '../lib/auth';
import type { Fetcher } from './subgraph-connections';

/**
 * Every request to the subgraph named `target` (its name in the supergraph) leaves with an
 * Ed25519 signature over that name, the exact body bytes and the caller's identity header, which
 * only the fetcher sees together. The subgraph refuses a request signed for another.
 */
export function signingFetcher(privateKey: KeyObject, target: string, send: Fetcher): Fetcher {
  return (url, init = {}) => {
    const body = init.body === undefined ? '' : init.body.toString();
    const headers = { ...init.headers };
    const identity = headers[IDENTITY_HEADERS.identity];
    // Without a caller there is nothing to vouch for; the subgraph refuses such a request itself.
    if (identity) Object.assign(headers, signRequest(privateKey, target, identity, body));
    return send(url, { method: init.method, headers, body });
  };
}
