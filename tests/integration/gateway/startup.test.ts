import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { DEFAULT_AUDIENCE } from '../../../lib/auth';
import { gatewayIdentity } from '../../../gateway/identity/gateway-identity';
import { buildDist } from '../../support/launcher';
import { useFixtureGraph } from './fixtures/fixture-graph';
import { postJson } from './http-client';

const ROOT = path.resolve(__dirname, '../../..');

const graph = useFixtureGraph();

beforeAll(() => buildDist());

/** Runs a built entry point with only the given configuration (no JWT_* or keys from the outer environment). */
const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH, LT_DATA_DIR: graph().dataDir, ...env },
  });

describe('Production mode', () => {
  test('the gateway process refuses to start without the identity provider\'s keys and its signing keys: one line, exit 1', () => {
    const result = run('dist/gateway/main.js', [], { LT_MODE: 'production', GATEWAY_PORT: '0' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'LT_MODE=production needs JWT_JWKS_URL or JWT_JWKS_FILE (the identity provider\'s keys), JWT_ISSUER (the identity provider\'s issuer, not the development one), GATEWAY_SIGNING_KEY_FILE (the Ed25519 key subgraph requests are signed with), AUDIT_SIGNING_KEY_FILE (the Ed25519 key the audit log is signed with).\n',
    );
  });

  test('with only the signing key missing, the message names only that', () => {
    const auditSigningKeyFile = path.join(graph().dataDir, 'production-audit.pem');
    expect(() =>
      gatewayIdentity({ mode: 'production', issuer: 'https://idp.example.vn', audience: DEFAULT_AUDIENCE, jwksUrl: 'https://idp.example.vn/jwks', auditSigningKeyFile, dataDir: graph().dataDir }),
    ).toThrow('LT_MODE=production needs GATEWAY_SIGNING_KEY_FILE (the Ed25519 key subgraph requests are signed with).');
  });

  test('with only the audit signing key missing, the message names only that: the development one is never used', () => {
    const signingKeyFile = path.join(graph().dataDir, 'production-signing.pem');
    expect(() =>
      gatewayIdentity({ mode: 'production', issuer: 'https://idp.example.vn', audience: DEFAULT_AUDIENCE, jwksUrl: 'https://idp.example.vn/jwks', signingKeyFile, dataDir: graph().dataDir }),
    ).toThrow('LT_MODE=production needs AUDIT_SIGNING_KEY_FILE (the Ed25519 key the audit log is signed with).');
  });

  test('an audit signing key that is not Ed25519 stops the start, naming the variable', () => {
    const signingKeyFile = path.join(graph().dataDir, 'production-signing.pem');
    const auditSigningKeyFile = path.join(graph().dataDir, 'production-audit-rsa.pem');
    writeFileSync(signingKeyFile, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }));
    writeFileSync(auditSigningKeyFile, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(() =>
      gatewayIdentity({ mode: 'production', issuer: 'https://idp.example.vn', audience: DEFAULT_AUDIENCE, jwksUrl: 'https://idp.example.vn/jwks', signingKeyFile, auditSigningKeyFile, dataDir: graph().dataDir }),
    ).toThrow(`AUDIT_SIGNING_KEY_FILE ${auditSigningKeyFile} holds a rsa key; audit:verify and auditors verify Ed25519 only.`);
  });

  test('a configured production gateway accepts its identity provider\'s tokens and never the development issuer\'s', async () => {
    const idp = await generateKeyPair('ES256');
    const jwksFile = path.join(graph().dataDir, 'idp.jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(idp.publicKey)), kid: 'idp-1', alg: 'ES256' }] }));
    const signingKeyFile = path.join(graph().dataDir, 'production-signing.pem');
    writeFileSync(signingKeyFile, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const auditSigningKeyFile = path.join(graph().dataDir, 'production-audit.pem');
    writeFileSync(auditSigningKeyFile, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const identity = gatewayIdentity({ mode: 'production', issuer: 'https://idp.example.vn', audience: DEFAULT_AUDIENCE, jwksFile, signingKeyFile, auditSigningKeyFile, dataDir: graph().dataDir });
    const gateway = await graph().startGateway({ identity });
    try {
      const idpToken = await new SignJWT({ role: 'auditor', scope: '' })
        .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
        .setIssuer('https://idp.example.vn')
        .setAudience(DEFAULT_AUDIENCE)
        .setSubject('auditor-7')
        .setExpirationTime('5m')
        .sign(idp.privateKey);
      const accepted = await postJson(gateway.url, { query: '{ provinces { code } }' }, { authorization: `Bearer ${idpToken}` });
      expect(accepted.json).toEqual({ data: { provinces: [{ code: '46' }] } });
      // Signed with the development issuer's key, even naming the production issuer.
      const devJwk = JSON.parse(readFileSync(path.join(graph().dataDir, 'keys', 'dev-issuer.private.jwk.json'), 'utf8')) as JWK;
      const devToken = await new SignJWT({ role: 'auditor', scope: '' })
        .setProtectedHeader({ alg: 'ES256', kid: devJwk.kid })
        .setIssuer('https://idp.example.vn')
        .setAudience(DEFAULT_AUDIENCE)
        .setSubject('auditor-7')
        .setExpirationTime('5m')
        .sign(await importJWK(devJwk, 'ES256'));
      const refused = await postJson(gateway.url, { query: '{ provinces { code } }' }, { authorization: `Bearer ${devToken}` });
      expect(refused.status).toBe(401);
      expect(refused.json).toEqual({ errors: [{ message: 'Not authenticated: the token\'s signature does not verify.', extensions: { code: 'UNAUTHENTICATED' } }] });
    } finally {
      await gateway.close();
    }
  });
});

describe('npm run token', () => {
  test('prints only a token, which the development gateway accepts with the role, province and purpose asked for', async () => {
    const result = run('dist/bin/token.js', ['--role', 'province-officer', '--province', '46', '--purpose', 'Kiểm tra hồ sơ', '--ttl', '15m'], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const before = graph().audit.records.length;
    const response = await postJson(graph().gateway.url, { query: '{ citizen(personalId: "001090000001") { fullName } }' }, { authorization: `Bearer ${result.stdout.trim()}` });
    expect(response.json).toEqual({ data: { citizen: { fullName: 'Nguyễn Văn An' } } });
    expect(graph().audit.records.slice(before).map(({ subject, role, province, purpose }) => ({ subject, role, province, purpose }))).toEqual([
      { subject: 'officer:province-officer:46', role: 'province-officer', province: '46', purpose: 'Kiểm tra hồ sơ' },
    ]);
  });

  test('a citizen token is for the personal ID given as --subject', async () => {
    const result = run('dist/bin/token.js', ['--role', 'citizen', '--subject', '001090000001'], {});
    expect(result.status).toBe(0);
    const response = await postJson(graph().gateway.url, { query: '{ provinces { code } }' }, { authorization: `Bearer ${result.stdout.trim()}` });
    expect(response.status).toBe(200);
  });

  test.each([
    [['--role', 'mayor'], /^Unknown role "mayor"\. Roles:\n {2}citizen: .*\n {2}province-officer: /],
    [['--role', 'province-officer'], /^Role province-officer works for one province: give --province <code>\. Province codes \(2025\):\n {2}01 Hà Nội\n/],
    [['--role', 'province-officer', '--province', '99'], /^Unknown province code "99"\./],
    [['--role', 'citizen'], /^A citizen token needs --subject/],
    [['--role', 'auditor', '--province', '46'], /^The gateway would refuse this token: role auditor is national: the token must not carry a province claim\./],
    [['--role', 'auditor', '--scope', 'audit:read everything'], /^Unknown scope everything\. Scopes:\n/],
    [['--role', 'auditor', '--purpose', '\u200b\u00a0'], /^The gateway would refuse this token: the token's purpose claim is blank: it has no visible character\./],
    [['--role', 'auditor', '--ttl', 'forever'], /^--ttl forever: expected a number and a unit/],
  ])('%j is refused on stderr with exit 1 and nothing on stdout', (args, message) => {
    const result = run('dist/bin/token.js', args, {});
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('usage: npm run token -- --role <role>');
  });
});

describe('A process with a malformed REDIS_URL', () => {
  test.each([
    ['localhost:6379', 'must be a redis:// or rediss:// URL naming a host'],
    ['redis//127.0.0.1', 'must be a URL such as redis://127.0.0.1:6379'],
  ])('REDIS_URL=%s stops a subgraph at start-up with a message naming the variable, exit 1', (url, reason) => {
    const result = run('dist/bin/run-subgraph.js', ['residents'], { REDIS_URL: url, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`REDIS_URL=${JSON.stringify(url)}: ${reason}`);
  });
});
