import type { RunningGateway } from '../../../gateway/start-gateway';
import { EVERY_FIXTURE_SCOPE, useFixtureGraph } from './fixtures/fixture-graph';
import { leaksIn, postJson, type RawResponse } from './http-client';

const graph = useFixtureGraph();
let authorized: Record<string, string>;
/** A second gateway over the same subgraphs with every limit small, so each can be met exactly. */
let strict: RunningGateway;

const SMALL = {
  operationMaxDepth: 2,
  operationMaxAliases: 2,
  operationMaxRootFields: 2,
  operationMaxDirectives: 1,
  operationMaxFragmentSpreads: 2,
  operationMaxFields: 4,
};

beforeAll(async () => {
  authorized = await graph().headers({ scopes: EVERY_FIXTURE_SCOPE, purpose: 'limits test' });
  strict = await graph().startGateway({ admission: SMALL });
});
afterAll(() => strict.close());

const subgraphCalls = () => graph().people.received.length + graph().jobs.received.length;

async function send(url: string, body: Record<string, unknown>): Promise<RawResponse & { calls: number }> {
  const before = subgraphCalls();
  const response = await postJson(url, body, authorized);
  return { ...response, calls: subgraphCalls() - before };
}

/** A refusal is a client error naming its limit and the measured value, and no subgraph was asked anything. */
function expectRefused(response: RawResponse & { calls: number }, code: string, limit: number, measured: number): void {
  expect(response.status).toBe(400);
  expect(response.json.data).toBeUndefined();
  expect(response.json.errors).toHaveLength(1);
  expect(response.json.errors[0].extensions).toEqual({ code, limit, measured });
  expect(response.calls).toBe(0);
  expect(leaksIn(response.text)).toEqual([]);
}

function expectAnswered(response: RawResponse & { calls: number }): void {
  expect(response.status).toBe(200);
  expect(response.json.errors).toBeUndefined();
}

describe.each([
  ['depth', '{ citizens { fullName } }', '{ citizens { job { title } } }', 'MAX_DEPTH_LIMIT', 2, 3],
  ['aliases (__typename aliases count)', '{ provinces { a: __typename b: __typename } }', '{ provinces { a: __typename b: __typename c: __typename } }', 'MAX_ALIASES_LIMIT', 2, 3],
  ['root fields', '{ provinces { code } citizens { fullName } }', '{ provinces { code } citizens { fullName } __typename }', 'MAX_ROOT_FIELDS_LIMIT', 2, 3],
  ['directives', '{ provinces @include(if: true) { code } }', '{ provinces @include(if: true) { code @skip(if: false) } }', 'MAX_DIRECTIVES_LIMIT', 1, 2],
  ['fragment spreads, once expanded', '{ provinces { ...P ...P } } fragment P on Province { code }', '{ provinces { ...P ...P ...P } } fragment P on Province { code }', 'MAX_FRAGMENT_SPREADS_LIMIT', 2, 3],
  ['fields, once expanded', '{ provinces { code population __typename } }', '{ provinces { code population __typename } __typename }', 'MAX_FIELDS_LIMIT', 4, 5],
])('Operation limits: %s', (_name, atLimit, overLimit, code, limit, measured) => {
  test('an operation at the limit is answered', async () => {
    expectAnswered(await send(strict.url, { query: atLimit }));
  });

  test('one past it is refused with the limit and the measured value, before any subgraph is asked', async () => {
    expectRefused(await send(strict.url, { query: overLimit }), code, limit, measured);
  });
});

describe('Operation limits: tokens', () => {
  const fields = (n: number) => `{ provinces { ${'code '.repeat(n)}} }`;

  test('a document of exactly the most tokens is answered, one more is refused before it is parsed', async () => {
    const tokens = await graph().startGateway({ admission: { operationMaxTokens: 40 } });
    try {
      // `{ provinces {` and `} }` are five tokens; each `code` is one.
      expectAnswered(await send(tokens.url, { query: fields(35) }));
      expectRefused(await send(tokens.url, { query: fields(36) }), 'MAX_TOKENS_LIMIT', 40, 41);
    } finally {
      await tokens.close();
    }
  });
});

describe('Operation limits: what the defaults refuse', () => {
  test('22 fragments each spreading the next twice (2^22 spreads) are refused at once, counted without expanding them', async () => {
    const fragments = Array.from({ length: 21 }, (_, i) => `fragment F${i + 2} on Citizen { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const response = await send(graph().gateway.url, { query: `query Fan { citizens { ...F22 } } fragment F1 on Citizen { fullName } ${fragments}` });
    expectRefused(response, 'MAX_FRAGMENT_SPREADS_LIMIT', 100, 2 ** 22 - 1);
  });

  // A refused document is read no further than the limit it passed: one level or token past it is what is measured.
  test('braces nested deeper than the depth limit allows are refused before parsing', async () => {
    const depth = 1_600;
    const response = await send(graph().gateway.url, { query: `{ ${'provinces { '.repeat(depth)}code${' }'.repeat(depth)} }` });
    expectRefused(response, 'MAX_DEPTH_LIMIT', 40, 41);
  });

  test.each([
    ['selections', (depth: number) => `{ ${'provinces { '.repeat(depth)}code${' }'.repeat(depth)} }`],
    ['argument values', (depth: number) => `{ citizen(personalId: ${'['.repeat(depth)}"1"${']'.repeat(depth)}) { fullName } }`],
  ])('%s nested past the parser stack are a client error, not a 500, even with the token limit raised', async (_name, nested) => {
    const depth = 5_000;
    const lenient = await graph().startGateway({ admission: { operationMaxTokens: 100_000, requestMaxBytes: 1 << 20 } });
    try {
      const response = await send(lenient.url, { query: nested(depth) });
      expectRefused(response, 'MAX_DEPTH_LIMIT', 40, 41);
    } finally {
      await lenient.close();
    }
  });

  describe('an 800 KB document of __typename aliases', () => {
    const query = `{ ${Array.from({ length: 40_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;

    test('is refused on its size, before it is read', async () => {
      const response = await send(graph().gateway.url, { query });
      expect(response.status).toBe(413);
      expect(response.json.errors[0].extensions).toEqual({ code: 'MAX_REQUEST_BYTES_LIMIT', limit: 65_536, measured: Buffer.byteLength(JSON.stringify({ query })) });
      expect(response.calls).toBe(0);
    });

    test('with the size limit raised, is refused on its tokens, never parsed', async () => {
      const roomy = await graph().startGateway({ admission: { requestMaxBytes: 1 << 20 } });
      try {
        expectRefused(await send(roomy.url, { query }), 'MAX_TOKENS_LIMIT', 5_000, 5_001);
      } finally {
        await roomy.close();
      }
    });
  });

  test('an operation over the cost limit is refused before it is planned; one under it reports its estimated and actual cost', async () => {
    const priced = await graph().startGateway({ admission: { costMaxPerOperation: 25, costDefaultListSize: 10 } });
    try {
      // A list of people is taken to hold 10 (no @listSize here), each costing 1: 10. Three people came back.
      const response = await send(priced.url, { query: '{ citizens { fullName } }' });
      expectAnswered(response);
      expect(response.headers.get('x-lienthong-cost')).toBe('estimated=10, actual=3, max=25');
      const aliased = await send(priced.url, { query: '{ a: citizens { fullName } b: citizens { fullName } c: citizens { fullName } }' });
      expectRefused(aliased, 'COST_LIMIT_EXCEEDED', 25, 30);
    } finally {
      await priced.close();
    }
  });
});

describe('Operation limits: operations that cannot be run are client errors', () => {
  const TWO = 'query A { provinces { code } } query B { citizens { fullName } }';

  test.each([
    ['two operations and no operationName', { query: TWO }, 'The document has several operations: choose one with operationName.'],
    ['an operationName the document does not have', { query: TWO, operationName: 'C' }, 'The document has no operation named "C".'],
  ])('%s → 400 OPERATION_RESOLUTION_FAILURE', async (_name, body, message) => {
    const response = await send(graph().gateway.url, body);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ errors: [{ message, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }] });
    expect(response.calls).toBe(0);
  });

  test.each([
    ['in a variable', { query: 'query Q($id: PersonalId!) { citizen(personalId: $id) { fullName } }', variables: { id: '001090\u0000000001' } }, 'A variable'],
    ['in a string literal', { query: '{ citizen(personalId: "001090\\u0000000001") { fullName } }' }, 'A string in the document'],
  ])('a NUL character %s → 400 BAD_USER_INPUT, never an internal error', async (_name, body, where) => {
    const response = await send(graph().gateway.url, body);
    expect(response.status).toBe(400);
    expect(response.json.errors[0]).toEqual({
      message: `${where} holds a NUL character (U+0000), which no text in the national databases may contain.`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(response.calls).toBe(0);
  });
});
