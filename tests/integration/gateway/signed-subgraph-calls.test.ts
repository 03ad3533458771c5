import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVERY_FIXTURE_SCOPE, useFixtureGraph } from './fixtures/fixture-graph';
import { postJson } from './http-client';

const graph = useFixtureGraph();

const PROFILE = '{ citizen(personalId: "001090000001") { fullName job { title } } }';

describe('Signed subgraph calls', () => {
  test('every subgraph request carries the caller, signed with the gateway key, and never the client\'s token', async () => {
    const before = { people: graph().people.received.length, jobs: graph().jobs.received.length };
    const headers = {
      ...(await graph().headers({ scopes: ['residents:read', 'civil-servants:read'], role: 'province-officer', province: '46' })),
      // Percent-encoded, as HTTP headers cannot carry Vietnamese letters.
      'x-purpose': encodeURIComponent('Xác minh hồ sơ 46-DVC02'),
    };
    const response = await postJson(graph().gateway.url, { query: PROFILE }, headers);
    expect(response.json).toEqual({ data: { citizen: { fullName: 'Nguyễn Văn An', job: { title: 'Chuyên viên' } } } });
    const received = [...graph().people.received.slice(before.people), ...graph().jobs.received.slice(before.jobs)];
    expect(received).toHaveLength(2);
    for (const request of received) {
      expect(request.signatureProblem).toBeNull();
      expect(request.authorization).toBeUndefined();
      expect(request.caller).toEqual({
        subject: 'officer:province-officer:46',
        role: 'province-officer',
        scopes: ['residents:read', 'civil-servants:read'],
        jurisdiction: { kind: 'province', provinceCode: '46' },
        purpose: 'Xác minh hồ sơ 46-DVC02',
      });
    }
  });

  test('each request is signed afresh: no two share a nonce, so subgraphs can refuse replays', async () => {
    // Three purposes make three identities: identical in-flight queries of one identity would share one call.
    const callers = await Promise.all([1, 2, 3].map((n) => graph().headers({ scopes: EVERY_FIXTURE_SCOPE, purpose: `signature test ${n}` })));
    const before = graph().people.received.length;
    await Promise.all(callers.map((headers) => postJson(graph().gateway.url, { query: PROFILE }, headers)));
    // A replayed nonce would have failed the fixture's ReplayGuard.
    expect(graph().people.received.slice(before).map((r) => r.signatureProblem)).toEqual([null, null, null]);
  });
});

describe('Signed subgraph calls: a subgraph slower than SUBGRAPH_TIMEOUT_MS', () => {
  let silent: Server;

  beforeAll(async () => {
    // Accepts the request and never answers.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  test('times out once the time limit passes, and the rest of the answer still comes', async () => {
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    const gateway = await graph().startGateway({ subgraphUrls: { people: graph().people.url, jobs: silentUrl }, resilience: { subgraphTimeoutMs: 300 } });
    try {
      const started = Date.now();
      const response = await postJson(gateway.url, { query: PROFILE }, await graph().headers({ scopes: EVERY_FIXTURE_SCOPE, purpose: 'timeout test' }));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(response.json).toEqual({
        data: { citizen: { fullName: 'Nguyễn Văn An', job: null } },
        errors: [{ message: 'The jobs subgraph did not answer in time.', path: ['citizen', 'job'], extensions: { code: 'SUBGRAPH_TIMEOUT' } }],
      });
    } finally {
      await gateway.close();
    }
  });
});
