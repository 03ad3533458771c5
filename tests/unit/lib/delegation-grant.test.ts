import { generateKeyPairSync } from 'node:crypto';
import { DELEGATION_TTL_MS, encodeIdentity, issueDelegationGrant, verifyDelegationGrant } from '../../../lib/auth';
import { EVERYTHING_CALLER } from '../../support/test-identity';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const identity = encodeIdentity(EVERYTHING_CALLER);
const NOW = Date.parse('2026-11-01T03:00:00Z');
const issued = issueDelegationGrant(privateKey, { identity, requestId: 'req-1', audience: 'payments' }, NOW);

describe('Delegation grants', () => {
  it('carry the caller, the request, the subgraph and an expiry a few seconds away, signed', () => {
    expect(verifyDelegationGrant(publicKey, issued, NOW + 1_000)).toEqual({
      identity,
      caller: EVERYTHING_CALLER,
      requestId: 'req-1',
      audience: 'payments',
      expiresAt: NOW + DELEGATION_TTL_MS,
    });
    expect(DELEGATION_TTL_MS).toBeLessThanOrEqual(10_000);
  });

  it('are refused once expired', () => {
    expect(() => verifyDelegationGrant(publicKey, issued, NOW + DELEGATION_TTL_MS)).toThrow('the delegation grant has expired');
  });

  it('are refused when signed with another key, or changed after signing', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(() => verifyDelegationGrant(publicKey, issueDelegationGrant(other, { identity, requestId: 'req-1', audience: 'payments' }, NOW), NOW)).toThrow('does not verify');
    const [payload, signature] = issued.split('.') as [string, string];
    const widened = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('payments', 'residents')).toString('base64url');
    expect(() => verifyDelegationGrant(publicKey, `${widened}.${signature}`, NOW)).toThrow('does not verify');
  });

  it.each([[''], ['a.b.c'], ['no-signature'], [`${Buffer.from('{}').toString('base64url')}.x`]])('are refused when malformed: %j', (token) => {
    expect(() => verifyDelegationGrant(publicKey, token, NOW)).toThrow(/^Not authenticated: the delegation grant/);
  });
});
