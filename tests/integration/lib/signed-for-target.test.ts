import { IDENTITY_HEADERS } from '../../../lib/auth';
import { SUBGRAPHS } from '../../../subgraphs';
import { operation, unauthenticated } from '../../support/access-fixtures';
import type { GraphQLResponse } from '../../support/graphql-client';
import { signedHeaders } from '../../support/test-identity';
import { startTestSubgraph, type TestSubgraph } from '../../support/test-subgraph';

/** Every subgraph answers `_service`, and only to a signed request. */
const SERVICE = operation('{ _service { sdl } }');
const NAMES = SUBGRAPHS.map((definition) => definition.name);
const PAIRS = NAMES.flatMap((signedFor) => NAMES.filter((other) => other !== signedFor).map((sentTo) => [signedFor, sentTo] as const));

async function send(url: string, headers: Record<string, string>): Promise<GraphQLResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: SERVICE });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}

describe('Signed subgraph calls name the subgraph they are for', () => {
  const subgraphs = new Map<string, TestSubgraph<unknown>>();
  const urlOf = (name: string) => subgraphs.get(name)!.url;

  beforeAll(async () => {
    for (const definition of SUBGRAPHS) subgraphs.set(definition.name, await startTestSubgraph(definition, null));
  });
  afterAll(() => Promise.all([...subgraphs.values()].map((subgraph) => subgraph.stop())));

  test.each(NAMES)('%s answers a request signed for it', async (name) => {
    const { status, body } = await send(urlOf(name), signedHeaders(name, SERVICE));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  test.each(PAIRS)('a request signed for %s is refused by %s with HTTP 401', async (signedFor, sentTo) => {
    expect(await send(urlOf(sentTo), signedHeaders(signedFor, SERVICE))).toEqual(unauthenticated('the request was signed for another subgraph'));
  });

  test.each(PAIRS)('a request signed for %s, its target header rewritten, is refused by %s with HTTP 401', async (signedFor, sentTo) => {
    const rewritten = { ...signedHeaders(signedFor, SERVICE), [IDENTITY_HEADERS.target]: sentTo };
    expect(await send(urlOf(sentTo), rewritten)).toEqual(unauthenticated('the request signature does not verify'));
  });
});
