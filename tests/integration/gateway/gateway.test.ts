import { createServer, request as httpRequest, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOST_JOB_OF } from './fixtures/jobs.subgraph';
import { EVERY_FIXTURE_SCOPE, useFixtureGraph } from './fixtures/fixture-graph';
import { leaksIn, postJson, request } from './http-client';

const graph = useFixtureGraph();
/** A caller who may read every fixture field, with a purpose: these tests are not about access. */
let authorized: Record<string, string>;

beforeAll(async () => {
  authorized = await graph().headers({ scopes: EVERY_FIXTURE_SCOPE, purpose: 'gateway behaviour test' });
});

const query = (text: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  postJson(graph().gateway.url, { query: text, variables }, { ...authorized, ...headers });

describe('Gateway: with every subgraph up', () => {
  test('a query joining two subgraphs returns the whole answer from both', async () => {
    const response = await query('{ citizen(personalId: "001090000001") { personalId fullName job { title monthlySalary } } }');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      data: { citizen: { personalId: '001090000001', fullName: 'Nguyễn Văn An', job: { title: 'Chuyên viên', monthlySalary: 9_360_000 } } },
    });
  });

  test('a NOT_FOUND raised by the owning subgraph reaches the client with its code and path', async () => {
    const response = await query('{ citizen(personalId: "046200000099") { fullName } }');
    expect(response.json).toEqual({
      data: { citizen: null },
      errors: [{ message: 'No citizen with key 046200000099.', path: ['citizen'], extensions: { code: 'NOT_FOUND' } }],
    });
  });

  test('a NOT_FOUND raised while resolving an entity keeps its path in the client response', async () => {
    const response = await query('{ citizens { personalId job { title } } }');
    expect(response.json).toEqual({
      data: {
        citizens: [
          { personalId: '001090000001', job: { title: 'Chuyên viên' } },
          { personalId: LOST_JOB_OF, job: null },
          { personalId: '046200000003', job: null },
        ],
      },
      errors: [{ message: `No job of citizen with key ${LOST_JOB_OF}.`, path: ['citizens', 1, 'job'], extensions: { code: 'NOT_FOUND' } }],
    });
  });

  test('a malformed personal ID in a variable gives INVALID_PERSONAL_ID from the subgraph that checks it', async () => {
    const response = await query('query ($id: PersonalId!) { citizen(personalId: $id) { fullName } }', { id: '12345' });
    expect(response.json.errors).toHaveLength(1);
    expect(response.json.errors[0].extensions).toEqual({ code: 'INVALID_PERSONAL_ID' });
    // The subgraph refused the whole request, without a path; the gateway names the field it nulled.
    expect(response.json.errors[0].path).toEqual(['citizen']);
    expect(response.json.data).toEqual({ citizen: null });
    expect(leaksIn(response.text)).toEqual([]);
  });

  test('a malformed personal ID literal gives INVALID_PERSONAL_ID', async () => {
    const response = await query('{ citizen(personalId: "12345") { fullName } }');
    expect(response.json.errors.map((e: { extensions: unknown }) => e.extensions)).toEqual([{ code: 'INVALID_PERSONAL_ID' }]);
    expect(leaksIn(response.text)).toEqual([]);
  });

  test('the request id a client sends reaches every subgraph and comes back in the response', async () => {
    const response = await query('{ peopleRequestId jobsRequestId }', {}, { 'x-request-id': 'client-req-42' });
    expect(response.json).toEqual({ data: { peopleRequestId: 'client-req-42', jobsRequestId: 'client-req-42' } });
    expect(response.headers.get('x-request-id')).toBe('client-req-42');
  });

  test('without a request id the gateway makes one and sends the same one to every subgraph', async () => {
    const response = await query('{ peopleRequestId jobsRequestId }');
    const generated = response.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.json).toEqual({ data: { peopleRequestId: generated, jobsRequestId: generated } });
  });

  test('/health answers 200 ok', async () => {
    const response = await request(`${graph().origin}/health`);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok' });
  });

  test('/ready answers 200 when every subgraph and the audit log are ready, naming each', async () => {
    const response = await request(`${graph().origin}/ready`);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok', audit: 'ok', subgraphs: { jobs: 'ok', people: 'ok' } });
  });

  test('a body that is not JSON is refused with 400 BAD_REQUEST', async () => {
    const response = await request(graph().gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorized }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  describe('a body over REQUEST_MAX_BYTES (64 KiB) is refused with 413 MAX_REQUEST_BYTES_LIMIT, the limit and its size', () => {
    const LIMIT = 65_536;
    const oversized = JSON.stringify({ query: `{ citizens { fullName } }${' '.repeat(LIMIT)}` });

    test('sent whole', async () => {
      const response = await request(graph().gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorized }, body: oversized });
      expect(response.status).toBe(413);
      const size = Buffer.byteLength(oversized);
      expect(response.json).toEqual({ errors: [{ message: `The request body is ${size} bytes; the limit is ${LIMIT}.`, extensions: { code: 'MAX_REQUEST_BYTES_LIMIT', limit: LIMIT, measured: size } }] });
    });

    test('declared by its Content-Length: answered before a byte of it is sent', async () => {
      const answer = await rawPost({ 'content-length': '800000000' }, (req) => req.flushHeaders());
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.text).errors[0].extensions).toEqual({ code: 'MAX_REQUEST_BYTES_LIMIT', limit: LIMIT, measured: 800_000_000 });
    });

    test('streamed without a length: refused once what arrived passes the limit', async () => {
      const answer = await rawPost({ 'transfer-encoding': 'chunked' }, (req) => req.write(oversized));
      expect(answer.status).toBe(413);
      const { message, extensions } = JSON.parse(answer.text).errors[0];
      expect(message).toMatch(/^The request body is at least \d+ bytes; the limit is 65536\.$/);
      expect(extensions.code).toBe('MAX_REQUEST_BYTES_LIMIT');
      expect(extensions.measured).toBeGreaterThan(LIMIT);
    });

    /** A POST whose body is left unfinished, so only the gateway's own refusal can answer it. */
    function rawPost(headers: Record<string, string>, send: (req: ClientRequest) => void): Promise<{ status: number; text: string }> {
      return new Promise((resolve, reject) => {
        const req = httpRequest(graph().gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorized, ...headers } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, text });
            req.destroy();
          });
        });
        req.on('error', reject);
        send(req);
      });
    }
  });

  test('an operation that does not parse gives GRAPHQL_PARSE_FAILED without a stack', async () => {
    const response = await query('{ citizens { fullName ');
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      errors: [{ message: 'Syntax Error: Expected Name, found <EOF>.', locations: [{ line: 1, column: 23 }], extensions: { code: 'GRAPHQL_PARSE_FAILED' } }],
    });
  });

  test('an operation asking for an unknown field gives GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await query('{ citizens { salary } }');
    expect(response.status).toBe(400);
    expect(response.json.errors.map((e: { extensions: unknown }) => e.extensions)).toEqual([{ code: 'GRAPHQL_VALIDATION_FAILED' }]);
    expect(leaksIn(response.text)).toEqual([]);
  });
});

describe('Gateway: after the jobs subgraph stops', () => {
  beforeAll(async () => {
    await graph().jobs.close();
  });

  test('/ready still answers 200, degraded, naming the unavailable subgraph and nothing about where it lives: the gateway serves the rest', async () => {
    const response = await request(`${graph().origin}/ready`);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'degraded', audit: 'ok', subgraphs: { jobs: 'unavailable', people: 'ok' } });
  });

  test('a query touching it gives the rest of the answer and SUBGRAPH_UNAVAILABLE naming it, without its address', async () => {
    const response = await query('{ citizen(personalId: "001090000001") { fullName job { title } } }');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      data: { citizen: { fullName: 'Nguyễn Văn An', job: null } },
      errors: [{ message: 'The jobs subgraph is unavailable.', path: ['citizen', 'job'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
    });
    expect(leaksIn(response.text)).toEqual([]);
    expect(response.text).not.toContain(String(graph().jobs.port));
  });

  test('/health still answers 200: the gateway itself is up', async () => {
    expect((await request(`${graph().origin}/health`)).status).toBe(200);
  });
});

describe('Gateway: a subgraph that answers with an HTTP error page', () => {
  let proxy: Server;

  beforeAll(async () => {
    // What a load balancer in front of a dead subgraph answers: an error status and no GraphQL body.
    proxy = createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>502 Bad Gateway from upstream 10.1.2.3:4002</html>');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
  });

  test('counts as unavailable, and nothing of the error page reaches the client', async () => {
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
    const gateway = await graph().startGateway({ subgraphUrls: { people: graph().people.url, jobs: proxyUrl } });
    try {
      const response = await postJson(gateway.url, { query: '{ citizen(personalId: "001090000001") { fullName job { title } } }' }, authorized);
      expect(response.json).toEqual({
        data: { citizen: { fullName: 'Nguyễn Văn An', job: null } },
        errors: [{ message: 'The jobs subgraph is unavailable.', path: ['citizen', 'job'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
      });
      expect(response.text).not.toMatch(/502|10\.1\.2\.3|html/);
    } finally {
      await gateway.close();
    }
  });
});
