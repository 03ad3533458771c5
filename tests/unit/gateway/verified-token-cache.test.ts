import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTokenVerifier, DEFAULT_AUDIENCE, DEV_ISSUER, devIssuerKeySet, issueDevToken, type TokenVerifier } from '../../../lib/auth';
import { decodeJwt } from 'jose';
import { cachingVerifier } from '../../../gateway/identity/verified-token-cache';

const dataDir = mkdtempSync(path.join(tmpdir(), 'lienthong-token-cache-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The real verifier over the development issuer's key, counting the signatures it checks. */
function countingVerifier(): { verify: TokenVerifier; checks: () => number } {
  const verify = createTokenVerifier({ issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, extraKeySets: [devIssuerKeySet(dataDir)] });
  let checks = 0;
  return {
    verify: (token) => {
      checks += 1;
      return verify(token);
    },
    checks: () => checks,
  };
}

const tokenFor = (ttlSeconds: number, purpose = 'kiểm tra bộ nhớ đệm') => issueDevToken({ dataDir, role: 'auditor', ttlSeconds, purpose });

describe('Verified-token cache', () => {
  test('a token that verified is not checked again while it is valid, and gives the same claims', async () => {
    const real = countingVerifier();
    const verify = cachingVerifier(real.verify, { maxBytes: 1 << 20, maxAgeMs: 60_000 });
    const token = await tokenFor(300);
    const first = await verify(token);
    const second = await verify(token);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ role: 'auditor', iss: DEV_ISSUER });
    expect(real.checks()).toBe(1);
  });

  test('after the maximum age the signature is checked again', async () => {
    const real = countingVerifier();
    let now = Date.now();
    const verify = cachingVerifier(real.verify, { maxBytes: 1 << 20, maxAgeMs: 60_000, now: () => now });
    const token = await tokenFor(300);
    await verify(token);
    now += 59_999;
    await verify(token);
    expect(real.checks()).toBe(1);
    now += 1;
    await verify(token);
    expect(real.checks()).toBe(2);
  });

  test('at its expiry a remembered token is no longer taken from memory: the verifier checks it again', async () => {
    const real = countingVerifier();
    let now = Date.now();
    const verify = cachingVerifier(real.verify, { maxBytes: 1 << 20, maxAgeMs: 3_600_000, now: () => now });
    const token = await tokenFor(1);
    const { exp } = await verify(token);
    now = exp! * 1000;
    // The clock the cache reads has passed exp; jose's own clock (with its 30 s tolerance) decides the answer.
    await expect(verify(token)).resolves.toMatchObject({ exp });
    expect(real.checks()).toBe(2);
  });

  test('a refused token is not remembered: each attempt is checked and refused', async () => {
    const real = countingVerifier();
    const verify = cachingVerifier(real.verify, { maxBytes: 1 << 20, maxAgeMs: 60_000 });
    const token = await tokenFor(300);
    const tampered = `${token.slice(0, -4)}AAAA`;
    await expect(verify(tampered)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(verify(tampered)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(real.checks()).toBe(2);
  });

  test('it holds at most its bytes: the least recently used token is checked again', async () => {
    const real = countingVerifier();
    const [a, b, c] = await Promise.all([tokenFor(300, 'mục đích A'), tokenFor(300, 'mục đích B'), tokenFor(300, 'mục đích C')]);
    // Room for two of these tokens with their claims, not three.
    const entry = 2 * a!.length + 2 * JSON.stringify(decodeJwt(a!)).length;
    const verify = cachingVerifier(real.verify, { maxBytes: 2.5 * entry, maxAgeMs: 60_000 });
    for (const token of [a!, b!, a!, c!]) await verify(token);
    expect(real.checks()).toBe(3);
    await verify(a!);
    expect(real.checks()).toBe(3);
    await verify(b!);
    expect(real.checks()).toBe(4);
  });
});
