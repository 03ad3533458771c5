import type { KeyObject } from 'node:crypto';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { IDENTITY_HEADERS, signRequest } from '../lib/auth';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * How the gateway sends each subgraph request: Node's own fetch (undici, connections kept
 * alive), a time limit per call, and an Ed25519 signature over the exact body bytes and the
 * caller's identity header, which only the fetcher sees together.
 */
export function signingFetcher(privateKey: KeyObject, timeoutMs: number): Fetcher {
  return async (url, init = {}) => {
    const body = init.body === undefined ? '' : init.body.toString();
    const headers = { ...init.headers };
    const identity = headers[IDENTITY_HEADERS.identity];
    // Without a caller there is nothing to vouch for; the subgraph refuses such a request itself.
    if (identity) Object.assign(headers, signRequest(privateKey, identity, body));
    return fetch(url, { method: init.method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
  };
}
