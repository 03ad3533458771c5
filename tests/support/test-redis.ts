import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createLogger } from '../../lib/logging';
import { closeRedis, connectRedis, redisAddress } from '../../lib/redis';

/*
 * Tests that need Redis run against TEST_REDIS_URL when it answers (.ci/run points it at this
 * machine's Redis) and are skipped, with the reason printed, when it does not. Each describe block
 * writes under a key prefix of its own, so parallel runs and workers never see each other's keys.
 */

const PROBE_OPTIONS = { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null };

/** Run once by global-setup: tells the test workers whether TEST_REDIS_URL answers, or why Redis tests are skipped. */
export async function probeTestRedis(): Promise<void> {
  const url = process.env.TEST_REDIS_URL;
  if (!url) {
    process.env.LT_TEST_REDIS_SKIPPED = 'TEST_REDIS_URL is unset (.ci/run sets it when a Redis answers at redis://127.0.0.1:6379)';
    return;
  }
  const client = new Redis(url, PROBE_OPTIONS);
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    process.env.LT_TEST_REDIS_URL = url;
  } catch (error) {
    process.env.LT_TEST_REDIS_SKIPPED = `TEST_REDIS_URL (${redisAddress(url)}) does not answer: ${(error as Error).message}`;
  } finally {
    client.disconnect();
  }
}

export interface TestRedis {
  /** The Redis URL the tests run against. */
  readonly url: string;
  /** The key prefix of this block's clients, unique to the run. */
  readonly keyPrefix: string;
  /** A new client (as a new process would open), closed after the block. */
  connect(): Promise<Redis>;
}

function useTestRedis(url: string): TestRedis {
  const keyPrefix = `lienthong-test:${randomBytes(6).toString('hex')}:`;
  const clients: Redis[] = [];
  afterAll(async () => {
    await Promise.all(clients.map(closeRedis));
    const cleaner = new Redis(url, PROBE_OPTIONS);
    await cleaner.connect();
    for await (const keys of cleaner.scanStream({ match: `${keyPrefix}*`, count: 1_000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await cleaner.del(...keys);
    }
    cleaner.disconnect();
  });
  return {
    url,
    keyPrefix,
    connect: async () => {
      const client = await connectRedis({ url, keyPrefix, connectTimeoutMs: 2_000, commandTimeoutMs: 2_000 }, createLogger('test-redis'));
      clients.push(client);
      return client;
    },
  };
}

/** Declares tests that need a Redis: run when TEST_REDIS_URL answered, otherwise skipped with the reason in the name and the output. */
export function describeWithRedis(name: string, tests: (redis: TestRedis) => void): void {
  const url = process.env.LT_TEST_REDIS_URL;
  if (url) {
    describe(name, () => tests(useTestRedis(url)));
    return;
  }
  const reason = process.env.LT_TEST_REDIS_SKIPPED ?? 'no Redis was probed (run the tests through jest)';
  console.log(`Skipped "${name}": ${reason}`);
  const absent: TestRedis = {
    url: '',
    keyPrefix: '',
    connect: () => Promise.reject(new Error(`No Redis: ${reason}`)),
  };
  describe.skip(`${name} (skipped: ${reason})`, () => tests(absent));
}
