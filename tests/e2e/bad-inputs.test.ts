import { startTestGraph, type TestGraph } from '../support/test-graph';

/*
 * Malformed input never comes back as INTERNAL_SERVER_ERROR: whatever a client sends — NUL
 * characters anywhere, malformed document IDs, wrong JSON shapes, out-of-range arguments — gets a
 * documented code, with the gateway's admission checks on, and with them off (a NUL then reaches
 * PostgreSQL, which refuses it: BAD_USER_INPUT).
 */

type Sent = { body?: unknown; search?: string };

const NUL = '\u0000';
const BAD_INPUTS: [string, Sent][] = [
  ['a NUL in a variable', { body: { query: 'query ($p: String) { citizens(first: 1, filter: { namePrefix: $p }) { edges { cursor } } }', variables: { p: `Ng${NUL}` } } }],
  ['a NUL in a string literal', { body: { query: `{ citizens(first: 1, filter: { namePrefix: "Ng\\u0000" }) { edges { cursor } } }` } }],
  ['a NUL in an ID argument', { body: { query: '{ dossier(code: "46-DVC02-261101-\\u0000") { code } }' } }],
  ['a NUL in a cursor', { body: { query: '{ citizens(first: 1, after: "\\u0000") { edges { cursor } } }' } }],
  ['a NUL in the operation name', { body: { query: 'query A { provinces { code } }', operationName: `A${NUL}` } }],
  ['a NUL in a variable name', { body: { query: 'query ($p: String) { citizens(first: 1, filter: { namePrefix: $p }) { edges { cursor } } }', variables: { [`p${NUL}`]: 'x' } } }],
  ['a malformed document ID', { body: { documentId: 'sha256:not-a-hash' } }],
  ['a persisted-query hash of the wrong type', { body: { extensions: { persistedQuery: { version: 1, sha256Hash: 42 } } } }],
  ['a persisted-query hash that is not hex', { body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'zz'.repeat(32) } } } }],
  ['a malformed extensions parameter in a GET', { search: `?query=${encodeURIComponent('{ provinces { code } }')}&extensions=${encodeURIComponent('{"persistedQuery":')}` }],
  ['a query that is not a string', { body: { query: 42 } }],
  ['variables that are not an object', { body: { query: '{ provinces { code } }', variables: 'x' } }],
  ['an operation name that is not a string', { body: { query: '{ provinces { code } }', operationName: 42 } }],
  ['an empty batch', { body: [] }],
  ['a personal ID of the wrong length', { body: { query: '{ citizen(personalId: "12") { fullName } }' } }],
  ['a page size below zero', { body: { query: '{ citizens(first: -1) { edges { cursor } } }' } }],
  ['a page size far too large', { body: { query: '{ citizens(first: 2000000000) { edges { cursor } } }' } }],
  ['a province code that does not exist', { body: { query: '{ province(code: "99") { name } }' } }],
  ['a date that is not a date', { body: { query: '{ province(code: "46") { dossierStatistics(from: "2026-13-45") { received } } }' } }],
  ['a mutation sent by GET', { search: `?query=${encodeURIComponent('mutation { submitDossier(input: { procedureCode: "DVC02", applicantId: "067179692851", provinceCode: "46", channel: ONLINE }) { code } }')}` }],
];

async function send(graph: TestGraph, { body, search }: Sent): Promise<{ status: number; text: string; codes: string[] }> {
  const authorization = `Bearer ${await graph.token({ role: 'auditor', scopes: ['residents:read', 'dossiers:read', 'dossiers:aggregate', 'population:aggregate'], purpose: 'bad input test' })}`;
  const response =
    search === undefined
      ? await fetch(graph.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization, 'apollo-require-preflight': 'true' }, body: JSON.stringify(body) })
      : await fetch(`${graph.url}${search}`, { headers: { authorization, 'apollo-require-preflight': 'true' } });
  const text = await response.text();
  const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, text, codes: (parsed.errors ?? []).map((e) => e.extensions?.code ?? 'NONE') };
}

describe.each([
  ['with the admission checks', true],
  ['without the admission checks (a NUL reaches PostgreSQL)', false],
])('Bad input, %s', (_name, admissionChecks) => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(200, { gateway: { admission: { admissionChecks } } });
  });
  afterAll(() => graph.stop());

  test.each(BAD_INPUTS)('%s is refused with a documented code (or answered), never INTERNAL_SERVER_ERROR', async (_what, sent) => {
    const { status, text, codes } = await send(graph, sent);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    expect(codes).not.toContain('NONE');
    expect(status).toBeLessThan(500);
    expect(text).not.toMatch(/SELECT|invalid byte sequence|0x00|stacktrace/);
  });
});
