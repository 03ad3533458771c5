import { parseTokenArguments } from '../../bin/token-arguments';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { postRawUtf8 } from '../support/raw-utf8-post';
import { README_SEED, readmeCurls, readmeOperations } from '../support/readme-examples';
import { startTestGraph, type TestGraph } from '../support/test-graph';

/*
 * Every example of the README, run in the README's order against the whole federation seeded as
 * `npm start` seeds it today (default seed and scale), each with the token the README names for it.
 * A later example's variables take the value of the same-named field an earlier one answered
 * (`$code` ← the code `submitDossier` answered).
 */

const operations = readmeOperations();
const curls = readmeCurls();
let graph: TestGraph;
const answers: unknown[] = [];

beforeAll(async () => {
  graph = await startTestGraph(README_SEED.scale, { seed: README_SEED.seed, asOf: new Date() });
});
afterAll(() => graph.stop());

const tokenFor = (args: string[]) => graph.token(parseTokenArguments(args));

const last = (values: unknown[]) => values.filter((value) => value !== undefined).at(-1);

/** The latest value any earlier answer holds under `name`, at any depth. */
function answered(name: string): unknown {
  const find = (value: unknown): unknown => {
    if (Array.isArray(value)) return last(value.map(find));
    if (typeof value !== 'object' || value === null) return undefined;
    if (name in value) return (value as Record<string, unknown>)[name];
    return last(Object.values(value).map(find));
  };
  return last(answers.map(find));
}

function expectFullAnswer(response: GraphQLResponse) {
  expect(response.body.errors).toBeUndefined();
  expect(response.status).toBe(200);
  const data = response.body.data as Record<string, unknown>;
  expect(Object.entries(data).filter(([, value]) => value === null)).toEqual([]);
  answers.push(data);
}

describe('The README', () => {
  it('has examples to run: GraphQL operations, mutations among them, and a curl line', () => {
    expect(operations.length).toBeGreaterThanOrEqual(8);
    expect(operations.filter((o) => o.source.startsWith('mutation')).length).toBeGreaterThanOrEqual(3);
    expect(curls.length).toBeGreaterThanOrEqual(1);
  });

  it.each(operations.map((operation) => [operation.line, operation.source.split('{')[0]!.trim(), operation]))(
    'example at line %i (%s) answers without errors, with data',
    async (_line, _first, { source, variables, tokenArguments }) => {
      const values = Object.fromEntries(variables.map((name) => [name, answered(name)]));
      expect(Object.entries(values).filter(([, value]) => value === undefined)).toEqual([]);
      const token = await tokenFor(tokenArguments);
      expectFullAnswer(await postGraphQL(graph.url, source, values, { authorization: `Bearer ${token}` }));
    },
  );

  it.each(curls.map((curl) => [curl.line, curl]))('curl example at line %i answers without errors, with data', async (_line, { url, headers, body, tokenArguments }) => {
    const token = await tokenFor(tokenArguments);
    const sent = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value.replace('$TOKEN', token)]));
    // Header values go as the shell hands them to curl: raw UTF-8 bytes (the purpose), which fetch refuses to send.
    const response = await postRawUtf8(new URL(new URL(`http://${url}`).pathname, graph.url).href, sent, body);
    expectFullAnswer({ status: response.status, body: response.json as GraphQLResponse['body'] });
  });
});
