import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { manifestOf, sha256, trustedOperations } from '../../../gateway/documents/manifest';
import type { TrustedDocumentsMode } from '../../../gateway/documents/trusted-documents';
import type { RunningGateway } from '../../../gateway/start-gateway';
import { EVERY_FIXTURE_SCOPE, useFixtureGraph, type TokenRequest } from './fixtures/fixture-graph';
import { metricValue } from '../../support/metrics';
import { postJson, request, type RawResponse } from './http-client';

const graph = useFixtureGraph();

const TRUSTED = `# The provinces, as a dashboard asks for them.
query Provinces { provinces { code } }`;
const [operation] = trustedOperations(TRUSTED);
const ID = operation!.id;
const PROVINCES = { data: { provinces: [{ code: '46' }] } };
const UNKNOWN = '{ provinces { code population } }';

const folder = mkdtempSync(path.join(tmpdir(), 'lienthong-documents-'));
const manifestFile = path.join(folder, 'trusted-documents.json');
writeFileSync(manifestFile, JSON.stringify(manifestOf([operation!])));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const citizen: TokenRequest = { role: 'citizen', subject: '001090000001', scopes: EVERY_FIXTURE_SCOPE, purpose: 'trusted documents test' };
const auditor: TokenRequest = { scopes: EVERY_FIXTURE_SCOPE, purpose: 'trusted documents test' };

/** A gateway in one mode, whose log lines are collected. */
async function gatewayIn(mode: TrustedDocumentsMode): Promise<{ gateway: RunningGateway; logged: () => Record<string, unknown>[] }> {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => done(void lines.push(String(chunk))) }));
  const gateway = await graph().startGateway({ admission: { trustedDocuments: mode, trustedDocumentsManifest: manifestFile }, logger });
  return { gateway, logged: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const post = async (gateway: RunningGateway, body: Record<string, unknown>, who = auditor) => postJson(gateway.url, body, await graph().headers(who));
/** A GET, with the header Apollo Server's CSRF prevention asks of one. */
const get = async (gateway: RunningGateway, params: Record<string, string>, who = auditor) =>
  request(`${gateway.url}?${new URLSearchParams(params)}`, { headers: { ...(await graph().headers(who)), 'apollo-require-preflight': 'true' } });

function expectRefused(response: RawResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.json.data).toBeUndefined();
  expect(response.json.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual([code]);
}

describe('Trusted documents: naming a document by its hash', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    ({ gateway } = await gatewayIn('enforce'));
  });
  afterAll(() => gateway.close());

  test.each([
    ['documentId in a POST body', () => post(gateway, { documentId: `sha256:${ID}` })],
    ['extensions.persistedQuery in a POST body', () => post(gateway, { extensions: { persistedQuery: { version: 1, sha256Hash: ID } } })],
    ['documentId in a GET query string', () => get(gateway, { documentId: ID })],
    ['extensions.persistedQuery in a GET query string', () => get(gateway, { extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: ID } }) })],
  ])('%s runs the manifest\'s document', async (_how, send) => {
    const response = await send();
    expect(response.status).toBe(200);
    expect(response.json).toEqual(PROVINCES);
  });

  test('a hash the manifest does not hold → 400 PERSISTED_QUERY_NOT_FOUND', async () => {
    expectRefused(await post(gateway, { documentId: sha256('{ nothing }') }), 400, 'PERSISTED_QUERY_NOT_FOUND');
  });

  test.each([
    ['not hexadecimal', { documentId: 'sha256:not-a-hash' }],
    ['too short', { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc123' } } }],
    ['not a string', { documentId: 42 }],
    ['not the hash of the query sent with it', { query: UNKNOWN, extensions: { persistedQuery: { version: 1, sha256Hash: ID } } }],
  ])('a document ID %s → 400 INVALID_DOCUMENT_ID, never an internal error', async (_what, body) => {
    expectRefused(await post(gateway, body), 400, 'INVALID_DOCUMENT_ID');
  });
});

describe('Trusted documents: enforce', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    ({ gateway } = await gatewayIn('enforce'));
  });
  afterAll(() => gateway.close());

  test('a citizen app sending a document outside the manifest → 403 DOCUMENT_NOT_TRUSTED, and no subgraph is asked', async () => {
    const calls = graph().people.received.length;
    expectRefused(await post(gateway, { query: UNKNOWN }, citizen), 403, 'DOCUMENT_NOT_TRUSTED');
    expect(graph().people.received.length).toBe(calls);
  });

  test('a citizen app sending a trusted document in its own layout, comments and all, is answered', async () => {
    const response = await post(gateway, { query: 'query Provinces {\n  # every province\n  provinces {\n    code\n  }\n}' }, citizen);
    expect(response.json).toEqual(PROVINCES);
  });

  test('a role that may send any document (an analyst in the playground) is answered outside the manifest too', async () => {
    expect((await post(gateway, { query: UNKNOWN })).status).toBe(200);
  });
});

describe.each<[TrustedDocumentsMode, boolean]>([
  ['log', true],
  ['off', false],
])('Trusted documents: %s', (mode, logs) => {
  test(`a citizen's unknown document is answered${logs ? ', and logged with the caller\'s role and the operation name' : ''}`, async () => {
    const { gateway, logged } = await gatewayIn(mode);
    try {
      const untrustedCount = () => metricValue(new URL(gateway.url).origin, 'lienthong_gateway_untrusted_documents_total', { role: 'citizen' });
      const counted = await untrustedCount();
      for (let i = 0; i < 3; i += 1) {
        const response = await post(gateway, { query: `query Population ${UNKNOWN}`, operationName: 'Population' }, citizen);
        expect(response.status).toBe(200);
      }
      // Logged once however often it comes (a playground would otherwise double the log), counted every time.
      const notes = logged().filter((line) => line.msg === 'document not in the trusted-documents manifest');
      expect(notes).toEqual(logs ? [expect.objectContaining({ role: 'citizen', operationName: 'Population' })] : []);
      expect((await untrustedCount()) - counted).toBe(logs ? 3 : 0);
    } finally {
      await gateway.close();
    }
  });
});
