import { readFileSync } from 'node:fs';
import path from 'node:path';
import { postRawUtf8 } from '../support/raw-utf8-post';
import { startTestGraph, type TestGraph } from '../support/test-graph';

const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

/** The README's curl example, continuation lines joined: its headers and its body, as the shell hands them to curl. */
function readmeCurl(): { headers: [string, string][]; body: string } {
  const command = /^curl -s localhost:4000\/graphql (?:.*\\\n)*.*$/m.exec(README)?.[0].replace(/\\\n\s*/g, '');
  if (!command) throw new Error('The README has no curl example for localhost:4000/graphql');
  const headers = [...command.matchAll(/-H (?:'([^']*)'|"([^"]*)")/g)].map((match) => {
    const header = match[1] ?? match[2]!;
    const colon = header.indexOf(':');
    return [header.slice(0, colon).trim(), header.slice(colon + 1).trim()] as [string, string];
  });
  return { headers, body: /-d '([^']*)'/.exec(command)![1]! };
}

let graph: TestGraph;

beforeAll(async () => {
  graph = await startTestGraph(300);
});
afterAll(() => graph.stop());

describe('The README\'s curl example', () => {
  test('sends its purpose in raw UTF-8, as typed, and gets the province\'s figures (HTTP 200)', async () => {
    const { headers, body } = readmeCurl();
    expect(headers.find(([name]) => name === 'x-purpose')).toEqual(['x-purpose', 'Giải quyết hồ sơ']);
    // The token of the README's line above it: a province officer of 46 (Huế).
    const token = await graph.token({ role: 'province-officer', province: '46', purpose: 'Giải quyết hồ sơ' });
    const sent = Object.fromEntries(headers.map(([name, value]) => [name, value.replace('$TOKEN', token)]));
    const answer = await postRawUtf8(graph.url, sent, body);
    expect(answer.status).toBe(200);
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data.province).toEqual({ name: 'Huế', population: { total: expect.any(Number) } });
  });
});
