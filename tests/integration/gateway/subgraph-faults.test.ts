import type { ResilienceConfig } from '../../../gateway/resilience/resilience-config';
import type { RunningGateway } from '../../../gateway/start-gateway';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { freePort } from '../../support/free-port';
import { metricValue, untilMetric } from '../../support/metrics';
import { EVERY_FIXTURE_SCOPE, useFixtureGraph } from './fixtures/fixture-graph';
import { leaksIn, postJson } from './http-client';

/*
 * A subgraph that is slow, refuses connections, answers 503 or keeps failing costs only the
 * fields it serves; the gateway bounds every call, retries queries within a budget, never
 * retries a mutation, and stops calling a subgraph whose breaker opened.
 */

const graph = useFixtureGraph();

const PROFILE = '{ citizen(personalId: "001090000001") { fullName job { title } } }';
const WHOLE = { data: { citizen: { fullName: 'Nguyễn Văn An', job: { title: 'Chuyên viên' } } } };
const withoutJob = (message: string, code: string) => ({
  data: { citizen: { fullName: 'Nguyễn Văn An', job: null } },
  errors: [{ message, path: ['citizen', 'job'], extensions: { code } }],
});

let proxy: FaultProxy;
let gateway: RunningGateway | undefined;
let headers: Record<string, string>;
const ask = (query = PROFILE) => postJson(gateway!.url, { query }, headers);
const origin = () => new URL(gateway!.url).origin;

async function gatewayThroughProxy(resilience: Partial<ResilienceConfig>) {
  gateway = await graph().startGateway({ subgraphUrls: { people: graph().people.url, jobs: proxy.url }, resilience });
}

beforeAll(async () => {
  proxy = await startFaultProxy(graph().jobs.url);
  headers = await graph().headers({ scopes: EVERY_FIXTURE_SCOPE, purpose: 'fault test' });
});
afterAll(() => proxy.close());
afterEach(async () => {
  proxy.inject({ kind: 'pass' });
  await gateway?.close();
  gateway = undefined;
});

describe('Time limits', () => {
  test('a subgraph slower than its own limit costs only its fields: SUBGRAPH_TIMEOUT at each, the rest answered', async () => {
    await gatewayThroughProxy({ subgraphTimeoutMs: 5_000, subgraphTimeoutOverrides: { jobs: 100 } });
    proxy.inject({ kind: 'delay', ms: 1_500 });
    const response = await ask();
    expect(response.json).toEqual(withoutJob('The jobs subgraph did not answer in time.', 'SUBGRAPH_TIMEOUT'));
    expect(leaksIn(response.text)).toEqual([]);
  });

  test('the operation\'s deadline cuts a call its subgraph\'s own limit would still allow', async () => {
    await gatewayThroughProxy({ subgraphTimeoutMs: 30_000, operationTimeoutMs: 150 });
    proxy.inject({ kind: 'delay', ms: 1_500 });
    expect((await ask()).json).toEqual(withoutJob('The jobs subgraph did not answer in time.', 'SUBGRAPH_TIMEOUT'));
  });

  test('a time limit given for a subgraph the supergraph does not have stops the gateway from starting', async () => {
    await expect(graph().startGateway({ resilience: { subgraphTimeoutOverrides: { payroll: 100 } } })).rejects.toThrow(/SUBGRAPH_TIMEOUTS_MS names payroll/);
  });
});

describe('Retries', () => {
  test('a query answered 503 is sent again, signed afresh, and the client gets the whole answer', async () => {
    await gatewayThroughProxy({ subgraphRetries: 2, subgraphRetryBackoffMs: 1 });
    const before = { proxied: proxy.received.length, seen: graph().jobs.received.length };
    proxy.inject({ kind: 'status', status: 503, retryAfter: '0', forward: true }, 1);
    expect((await ask()).json).toEqual(WHOLE);
    expect(proxy.received.length - before.proxied).toBe(2);
    // Both attempts reached the subgraph, and its replay guard accepted both: each had its own nonce.
    expect(graph().jobs.received.slice(before.seen).map((r) => r.signatureProblem)).toEqual([null, null]);
  });

  test('a refused connection is retried as often as configured, then the fields are SUBGRAPH_UNAVAILABLE', async () => {
    const closedPort = await freePort();
    gateway = await graph().startGateway({
      subgraphUrls: { people: graph().people.url, jobs: `http://127.0.0.1:${closedPort}/graphql` },
      resilience: { subgraphRetries: 2, subgraphRetryBackoffMs: 1 },
    });
    const before = await metricValue(origin(), 'lienthong_gateway_subgraph_retries_total', { subgraph: 'jobs' });
    expect((await ask()).json).toEqual(withoutJob('The jobs subgraph is unavailable.', 'SUBGRAPH_UNAVAILABLE'));
    expect((await metricValue(origin(), 'lienthong_gateway_subgraph_retries_total', { subgraph: 'jobs' })) - before).toBe(2);
  });

  test('a Retry-After longer than the operation has left is honoured by not retrying', async () => {
    await gatewayThroughProxy({ subgraphRetries: 2, operationTimeoutMs: 2_000 });
    const before = proxy.received.length;
    proxy.inject({ kind: 'status', status: 503, retryAfter: '30' }, 1);
    expect((await ask()).json).toEqual(withoutJob('The jobs subgraph is unavailable.', 'SUBGRAPH_UNAVAILABLE'));
    expect(proxy.received.length - before).toBe(1);
  });

  test('a mutation answered 503 is never sent again: it may have been made', async () => {
    const peopleProxy = await startFaultProxy(graph().people.url);
    try {
      gateway = await graph().startGateway({ subgraphUrls: { people: peopleProxy.url, jobs: graph().jobs.url }, resilience: { subgraphRetries: 2, subgraphRetryBackoffMs: 1 } });
      peopleProxy.inject({ kind: 'status', status: 503, retryAfter: '0', forward: true });
      const response = await postJson(gateway!.url, { query: 'mutation { noteCitizen(note: { about: "001090000001", text: "x" }) { fullName } }' }, headers);
      expect(response.json).toEqual({
        data: { noteCitizen: null },
        errors: [{ message: 'The people subgraph is unavailable.', path: ['noteCitizen'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
      });
      expect(peopleProxy.received.filter(({ body }) => body.includes('mutation'))).toHaveLength(1);
    } finally {
      await peopleProxy.close();
    }
  });
});

describe('Circuit breaker', () => {
  test('after enough failures calls to the subgraph stop at once; after the reset time one trial call closes it again', async () => {
    await gatewayThroughProxy({ subgraphRetries: 0, breakerMinCalls: 4, breakerErrorPercent: 50, breakerResetMs: 300 });
    const state = { subgraph: 'jobs' };
    proxy.inject({ kind: 'status', status: 503 });
    for (let i = 0; i < 4; i += 1) expect((await ask()).json).toEqual(withoutJob('The jobs subgraph is unavailable.', 'SUBGRAPH_UNAVAILABLE'));
    expect(await metricValue(origin(), 'lienthong_gateway_subgraph_breaker_state', state)).toBe(2);

    const before = proxy.received.length;
    expect((await ask()).json).toEqual(withoutJob('The jobs subgraph is unavailable.', 'SUBGRAPH_UNAVAILABLE'));
    expect(proxy.received.length).toBe(before);
    expect(await metricValue(origin(), 'lienthong_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'jobs', outcome: 'breaker_open' })).toBeGreaterThan(0);

    proxy.inject({ kind: 'pass' });
    await untilMetric(origin(), 'lienthong_gateway_subgraph_breaker_state', state, 1);
    expect((await ask()).json).toEqual(WHOLE);
    expect(await metricValue(origin(), 'lienthong_gateway_subgraph_breaker_state', state)).toBe(0);
  });
});
