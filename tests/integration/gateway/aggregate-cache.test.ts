import type { RunningGateway } from '../../../gateway/start-gateway';
import { describeWithRedis } from '../../support/test-redis';
import { EVERY_FIXTURE_SCOPE, useFixtureGraph, type TokenRequest } from './fixtures/fixture-graph';
import { postJson, type RawResponse } from './http-client';

const graph = useFixtureGraph();

const POPULATION = '{ provinces { code population } }';
const national: TokenRequest = { role: 'ministry-analyst', scopes: ['population:aggregate'] };
const hue: TokenRequest = { role: 'province-analyst', province: '46', scopes: ['population:aggregate'] };
const officer: TokenRequest = { role: 'province-officer', province: '46', scopes: EVERY_FIXTURE_SCOPE, purpose: 'aggregate cache test' };

const peopleCalls = () => graph().people.received.length;

async function ask(gateway: RunningGateway, who: TokenRequest, query = POPULATION): Promise<RawResponse & { calls: number }> {
  const before = peopleCalls();
  const response = await postJson(gateway.url, { query }, await graph().headers(who));
  return { ...response, calls: peopleCalls() - before };
}

/** Another gateway over the fixtures for a describe block's tests; call the result for it. */
function useGateway(caches: { aggregateCacheTtlMs: number }, redis?: () => Promise<import('ioredis').Redis>): () => RunningGateway {
  let gateway: RunningGateway | undefined;
  beforeAll(async () => {
    gateway = await graph().startGateway({ caches, redis: redis ? await redis() : null });
  });
  afterAll(() => gateway?.close());
  return () => gateway!;
}

describe('The aggregate cache, in one gateway', () => {
  const gateway = useGateway({ aggregateCacheTtlMs: 60_000 });

  test('an aggregate asked again is answered from the cache, the same bytes, without asking the subgraph, and clients may keep it privately', async () => {
    const first = await ask(gateway(), national);
    const second = await ask(gateway(), national);
    expect([first.calls, second.calls]).toEqual([1, 0]);
    expect(second.text).toBe(first.text);
    expect(second.json).toEqual({ data: { provinces: [{ code: '46', population: 1_200_000 }] } });
    expect(second.headers.get('cache-control')).toMatch(/^max-age=(59|60), private$/);
  });

  test('callers with another jurisdiction or other scopes get answers of their own', async () => {
    await ask(gateway(), national);
    expect((await ask(gateway(), hue)).calls).toBe(1);
    expect((await ask(gateway(), hue)).calls).toBe(0);
    expect((await ask(gateway(), { ...national, scopes: ['population:aggregate', 'staffing:aggregate'] })).calls).toBe(1);
  });

  test('an operation reading personal data, or no aggregate, is never kept', async () => {
    const person = '{ citizen(personalId: "001090000001") { fullName } }';
    expect([(await ask(gateway(), officer, person)).calls, (await ask(gateway(), officer, person)).calls]).toEqual([1, 1]);
    expect([(await ask(gateway(), officer, '{ peopleRequestId }')).calls, (await ask(gateway(), officer, '{ peopleRequestId }')).calls]).toEqual([1, 1]);
    expect((await ask(gateway(), officer, '{ provinces { code population } citizens { fullName } }')).calls).toBe(1);
    expect((await ask(gateway(), officer, '{ provinces { code population } citizens { fullName } }')).calls).toBe(1);
  });

  test('a change through the gateway forgets every answer kept before it', async () => {
    await ask(gateway(), national);
    expect((await ask(gateway(), national)).calls).toBe(0);
    const changed = await ask(gateway(), officer, 'mutation { noteCitizen(note: { about: "001090000001", text: "x" }) { personalId } }');
    expect(changed.json.errors).toBeUndefined();
    expect((await ask(gateway(), national)).calls).toBe(1);
  });
});

describe('The aggregate cache, bounded in age', () => {
  const gateway = useGateway({ aggregateCacheTtlMs: 300 });

  test('an answer older than AGGREGATE_CACHE_TTL_MS is made afresh', async () => {
    await ask(gateway(), national);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await ask(gateway(), national)).calls).toBe(1);
  });
});

describe('Without the aggregate cache (AGGREGATE_CACHE_TTL_MS=0)', () => {
  const gateway = useGateway({ aggregateCacheTtlMs: 0 });

  test('every aggregate is asked of its subgraph, and clients are told not to keep it', async () => {
    const [first, second] = [await ask(gateway(), national), await ask(gateway(), national)];
    expect([first.calls, second.calls]).toEqual([1, 1]);
    expect(second.headers.get('cache-control')).toBe('no-store');
  });
});

describeWithRedis('The aggregate cache shared by two gateways through Redis', (testRedis) => {
  const first = useGateway({ aggregateCacheTtlMs: 60_000 }, () => testRedis.connect());
  const second = useGateway({ aggregateCacheTtlMs: 60_000 }, () => testRedis.connect());

  test('an answer one gateway made is served by the other, and a change through either forgets it for both', async () => {
    expect((await ask(first(), national)).calls).toBe(1);
    expect((await ask(second(), national)).calls).toBe(0);
    await ask(second(), officer, 'mutation { noteCitizen(note: { about: "001090000001", text: "x" }) { personalId } }');
    expect((await ask(first(), national)).calls).toBe(1);
  });
});
