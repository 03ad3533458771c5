import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { DELEGATION_HEADER, encodeIdentity, issueDelegationGrant, signRequest, SCOPES, type Caller, type Scope } from '../../lib/auth';
import { REQUEST_ID_HEADER } from '../../lib/subgraph';

/** One gateway key pair per test process: test subgraphs trust it, test clients sign with it. */
export const TEST_KEYS = generateKeyPairSync('ed25519');

/** A national caller holding every scope and a purpose: what subgraph tests that are not about access use. */
export const EVERYTHING_CALLER: Caller = {
  subject: 'test:national-everything',
  role: 'auditor',
  scopes: Object.keys(SCOPES) as Scope[],
  jurisdiction: { kind: 'national' },
  purpose: 'automated test',
};

/** The headers the gateway would add to a request with this body for the subgraph named `target`. */
export const signedHeaders = (target: string, body: string, caller: Caller = EVERYTHING_CALLER): Record<string, string> =>
  signRequest(TEST_KEYS.privateKey, target, encodeIdentity(caller), body);

const isMutation = (body: string): boolean => /^\s*mutation\b/.test((JSON.parse(body) as { query?: string }).query ?? '');

/**
 * The headers the gateway would add to a request for `subgraph`: signed for it, and for a mutation
 * with the delegation grant it forwards mutations with (and the request id the grant names).
 */
export function gatewayHeaders(body: string, subgraph: string, caller: Caller = EVERYTHING_CALLER): Record<string, string> {
  const headers = signedHeaders(subgraph, body, caller);
  if (!isMutation(body)) return headers;
  const requestId = randomUUID();
  const grant = issueDelegationGrant(TEST_KEYS.privateKey, { identity: encodeIdentity(caller), requestId, audience: subgraph });
  return { ...headers, [DELEGATION_HEADER]: grant, [REQUEST_ID_HEADER]: requestId };
}
