import { Redis } from 'ioredis';
import type { GatewayOptions, RunningGateway } from '../../../gateway/start-gateway';
import { describeWithRedis } from '../../support/test-redis';
import { EVERY_FIXTURE_SCOPE, useFixtureGraph, type TokenRequest } from './fixtures/fixture-graph';
import { postJson, type RawResponse } from './http-client';

const graph = useFixtureGraph();

/** Scales every role's budget down: a citizen gets 6 requests and 150 cost points a window, an officer 3 and its province 30. */
const SCALED = { budgetMultiplier: 0.05 };
const OFFICE_SCALED = { budgetMultiplier: 0.005 };

const CHEAP = '{ provinces { code } }';

async function ask(gateway: RunningGateway, request: TokenRequest, query = CHEAP): Promise<RawResponse> {
  return postJson(gateway.url, { query }, await graph().headers({ purpose: 'budget test', ...request }));
}

const citizen = (subject: string): TokenRequest => ({ role: 'citizen', subject, scopes: EVERY_FIXTURE_SCOPE });
const officer = (subject: string, province: string): TokenRequest => ({ role: 'province-officer', subject, province, scopes: EVERY_FIXTURE_SCOPE });

async function statuses(gateway: RunningGateway, request: TokenRequest, count: number, query = CHEAP): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i += 1) seen.push((await ask(gateway, request, query)).status);
  return seen;
}

function expectRateLimited(response: RawResponse, budget: 'requests' | 'cost', limit: number): void {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(response.json.errors).toEqual([
    { message: expect.stringMatching(/^Budget used up: at most /), extensions: { code: 'RATE_LIMITED', budget, limit, retryAfter } },
  ]);
}

/** Another gateway over the fixtures for a describe block's tests, with these budgets; call the result for it. */
function useGateway(admission: GatewayOptions['admission']): () => RunningGateway {
  let gateway: RunningGateway | undefined;
  beforeAll(async () => {
    gateway = await graph().startGateway({ admission });
  });
  afterAll(() => gateway?.close());
  return () => gateway!;
}

describe('Budgets in one gateway, without Redis', () => {
  const gateway = useGateway(SCALED);

  test('a citizen gets their role\'s requests in a window, then 429 RATE_LIMITED with Retry-After, and nothing reaches a subgraph', async () => {
    const who = citizen('001090000001');
    expect(await statuses(gateway(), who, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    const calls = graph().people.received.length;
    expectRateLimited(await ask(gateway(), who), 'requests', 6);
    expect(graph().people.received.length).toBe(calls);
  });

  test('another caller keeps a budget of their own', async () => {
    expect(await statuses(gateway(), citizen('079185000002'), 1)).toEqual([200]);
  });

  test('a costly operation spends the cost budget before the request budget runs out', async () => {
    // Ten people assumed per list at 1 point each, times five aliases: 50 points of the citizen's 150.
    const costly = `{ ${['a', 'b', 'c', 'd', 'e'].map((alias) => `${alias}: citizens { fullName }`).join(' ')} }`;
    const who = citizen('046200000003');
    expect(await statuses(gateway(), who, 3, costly)).toEqual([200, 200, 200]);
    expectRateLimited(await ask(gateway(), who, costly), 'cost', 150);
  });
});

describe('Budgets of a province', () => {
  const gateway = useGateway(OFFICE_SCALED);

  test('officers of one province draw on the province\'s budget together; another province is untouched', async () => {
    for (let i = 0; i < 10; i += 1) expect(await statuses(gateway(), officer(`officer-${i}`, '46'), 3)).toEqual([200, 200, 200]);
    expectRateLimited(await ask(gateway(), officer('officer-10', '46')), 'requests', 30);
    expect((await ask(gateway(), officer('officer-10', '01'))).status).toBe(200);
  });
});

describeWithRedis('Budgets shared by two gateways on one Redis', (testRedis) => {
  let gateways: [RunningGateway, RunningGateway];
  beforeAll(async () => {
    gateways = [
      await graph().startGateway({ admission: SCALED, redis: await testRedis.connect() }),
      await graph().startGateway({ admission: SCALED, redis: await testRedis.connect() }),
    ];
  });
  afterAll(() => Promise.all(gateways.map((gateway) => gateway.close())));

  test('requests alternating between the gateways spend one budget: the seventh is refused by either', async () => {
    const who = citizen('001090000001');
    const seen: number[] = [];
    for (let i = 0; i < 6; i += 1) seen.push((await ask(gateways[i % 2]!, who)).status);
    expect(seen).toEqual([200, 200, 200, 200, 200, 200]);
    expectRateLimited(await ask(gateways[0], who), 'requests', 6);
    expectRateLimited(await ask(gateways[1], who), 'requests', 6);
  });
});

describe('Budgets when Redis does not answer', () => {
  test('each gateway counts in its own memory instead, still refusing a caller past their budget', async () => {
    // Nothing listens on port 1: every Redis command fails at once.
    const unreachable = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    unreachable.on('error', () => undefined);
    const gateway = await graph().startGateway({ admission: SCALED, redis: unreachable });
    try {
      const who = citizen('001090000001');
      expect(await statuses(gateway, who, 6)).toEqual([200, 200, 200, 200, 200, 200]);
      expectRateLimited(await ask(gateway, who), 'requests', 6);
    } finally {
      await gateway.close();
      unreachable.disconnect();
    }
  });
});
