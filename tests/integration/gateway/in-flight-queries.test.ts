import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDENTITY_HEADERS } from '../../../lib/auth';
import { sharingInFlightQueries } from '../../../gateway/in-flight-queries';
import { SubgraphConnections } from '../../../gateway/subgraph-connections';

/** A real subgraph stand-in over HTTP that answers after 50 ms with the body it got and a call number. */
let server: Server;
let url: string;
let calls = 0;
let connections: SubgraphConnections;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      calls += 1;
      const call = calls;
      setTimeout(() => {
        res.writeHead(body.includes('fail') ? 500 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { call, body } }));
      }, 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  connections = new SubgraphConnections({ timeoutMs: 5_000, maxConnectionsPerSubgraph: 8 });
});
afterAll(async () => {
  connections.close();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => (calls = 0));

const QUERY = JSON.stringify({ query: 'query Dashboard__residents__0($code:ProvinceCode!){province(code:$code){name}}', variables: { code: '01' } });
const MUTATION = JSON.stringify({ query: 'mutation Submit__public_services__0{submitDossier(input:{}){code}}', variables: {} });
const as = (identity: string, body: string) => ({ method: 'POST', headers: { 'content-type': 'application/json', [IDENTITY_HEADERS.identity]: identity }, body });

async function send(requests: { method: string; headers: Record<string, string>; body: string }[]) {
  const fetch = sharingInFlightQueries(connections.fetch);
  return Promise.all(requests.map(async (init) => {
    const response = await fetch(url, init);
    return { status: response.status, json: (await response.json()) as { data: { call: number } } };
  }));
}

describe('Sharing in-flight subgraph queries', () => {
  test('the same query for the same caller, at the same time, is sent once and both get the whole answer', async () => {
    const answers = await send([as('caller-a', QUERY), as('caller-a', QUERY), as('caller-a', QUERY)]);
    expect(calls).toBe(1);
    expect(answers).toEqual([1, 2, 3].map(() => ({ status: 200, json: { data: { call: 1, body: QUERY } } })));
  });

  test('another caller asking the same query is sent its own call', async () => {
    const answers = await send([as('caller-a', QUERY), as('caller-b', QUERY)]);
    expect(calls).toBe(2);
    expect(answers.map((a) => a.json.data.call).sort()).toEqual([1, 2]);
  });

  test('a mutation is never shared: sent twice, it runs twice', async () => {
    await send([as('caller-a', MUTATION), as('caller-a', MUTATION)]);
    expect(calls).toBe(2);
  });

  test('nothing is kept once the answer is in: the same query later is sent again', async () => {
    await send([as('caller-a', QUERY)]);
    await send([as('caller-a', QUERY)]);
    expect(calls).toBe(2);
  });

  test('an error status reaches every caller that waited for it', async () => {
    const failing = JSON.stringify({ query: 'query Fail{fail}' });
    const answers = await send([as('caller-a', failing), as('caller-a', failing)]);
    expect(calls).toBe(1);
    expect(answers.map((a) => a.status)).toEqual([500, 500]);
  });
});
