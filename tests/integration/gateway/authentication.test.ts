import { readFileSync } from 'node:fs';
import path from 'node:path';
import { base64url, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from '../../../lib/auth';
import { useFixtureGraph } from './fixtures/fixture-graph';
import { postJson, request } from './http-client';

const graph = useFixtureGraph();

const QUERY = '{ provinces { code } }';

/** A token shaped by hand, signed with the development issuer's own key unless another is given. */
async function handMadeToken(claims: Record<string, unknown>, edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt): Promise<string> {
  const jwk = JSON.parse(readFileSync(path.join(graph().dataDir, 'keys', 'dev-issuer.private.jwk.json'), 'utf8')) as JWK;
  const jwt = new SignJWT({ role: 'auditor', scope: 'audit:read', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setSubject('officer:auditor')
    .setExpirationTime('5m');
  return edit(jwt).sign(await importJWK(jwk, 'ES256'));
}

const asBearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The whole 401 answer: the reason and the code, no data, nothing asked of any subgraph. */
async function expectRefused(headers: Record<string, string>, reason: string): Promise<void> {
  const before = graph().people.received.length + graph().jobs.received.length;
  const response = await postJson(graph().gateway.url, { query: QUERY }, headers);
  expect(response.status).toBe(401);
  expect(response.json).toEqual({ errors: [{ message: `Not authenticated: ${reason}.`, extensions: { code: 'UNAUTHENTICATED' } }] });
  expect(graph().people.received.length + graph().jobs.received.length).toBe(before);
}

describe('Gateway authentication: refused with 401 UNAUTHENTICATED', () => {
  test('a request without a token', async () => {
    await expectRefused({}, 'send a token as "Authorization: Bearer <JWT>" (npm run token prints one in development)');
  });

  test('an Authorization header that is not a bearer JWT', async () => {
    await expectRefused({ authorization: 'Basic dXNlcjpwYXNz' }, 'the Authorization header is not "Bearer <JWT>"');
  });

  test('an expired token (beyond the 30 s clock tolerance)', async () => {
    await expectRefused(asBearer(await graph().token({ scopes: [], ttlSeconds: -60 })), 'the token has expired');
  });

  test('a token whose payload was changed after signing', async () => {
    const [header, payload, signature] = (await graph().token({ scopes: [] })).split('.') as [string, string, string];
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Record<string, unknown>;
    const forged = base64url.encode(JSON.stringify({ ...claims, scope: 'residents:read residents:sensitive' }));
    await expectRefused(asBearer(`${header}.${forged}.${signature}`), 'the token\'s signature does not verify');
  });

  test('a token signed by a key the gateway does not trust', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const jwk = JSON.parse(readFileSync(path.join(graph().dataDir, 'keys', 'dev-issuer.private.jwk.json'), 'utf8')) as JWK;
    const token = await new SignJWT({ role: 'auditor', scope: 'audit:read' })
      .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setSubject('officer:auditor')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expectRefused(asBearer(token), 'the token\'s signature does not verify');
  });

  test('an unsigned token (`alg: none`)', async () => {
    const part = (value: object) => base64url.encode(JSON.stringify(value));
    const exp = Math.floor(Date.now() / 1000) + 300;
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: DEV_ISSUER, aud: DEFAULT_AUDIENCE, sub: 'officer:auditor', exp, role: 'auditor', scope: 'audit:read' })}.`;
    await expectRefused(asBearer(token), 'the token is not signed with RS256 or ES256');
  });

  test('a token for another audience', async () => {
    await expectRefused(asBearer(await graph().token({ scopes: [], audience: 'another-service' })), 'the token\'s aud claim is not accepted');
  });

  test('a token from another issuer, even signed with a trusted key', async () => {
    await expectRefused(asBearer(await handMadeToken({}, (jwt) => jwt.setIssuer('https://idp.example.vn'))), 'the token\'s iss claim is not accepted');
  });

  test('a token naming no known role', async () => {
    await expectRefused(asBearer(await handMadeToken({ role: 'superuser' })), 'the token names no known role');
  });

  test('a province-bound role without a province', async () => {
    await expectRefused(asBearer(await handMadeToken({ role: 'province-officer' })), 'role province-officer is bound to a province: the token needs a province claim');
  });

  test('introspection without a token', async () => {
    const response = await postJson(graph().gateway.url, { query: '{ __schema { queryType { name } } }' });
    expect(response.status).toBe(401);
    expect(response.json.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(response.json.data).toBeUndefined();
  });
});

describe('Gateway authentication: accepted', () => {
  test('a development-issuer token for a query its scopes cover', async () => {
    const response = await postJson(graph().gateway.url, { query: QUERY }, await graph().headers({ scopes: [] }));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: { provinces: [{ code: '46' }] } });
  });

  test('introspection with a token, whatever its scopes', async () => {
    const response = await postJson(graph().gateway.url, { query: '{ __schema { queryType { name } } }' }, await graph().headers({ scopes: [] }));
    expect(response.json).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('Gateway authentication: open routes hold no data', () => {
  test.each(['/health', '/', '/ready'])('%s answers 200 without a token', async (route) => {
    expect((await request(`${graph().origin}${route}`)).status).toBe(200);
  });
});
