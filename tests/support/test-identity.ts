import { generateKeyPairSync } from 'node:crypto';
import { encodeIdentity, signRequest, SCOPES, type Caller, type Scope } from '../../lib/auth';

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
