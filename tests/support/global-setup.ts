import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../lib/db';
import { freePort } from './free-port';
import { probeTestRedis } from './test-redis';

/**
 * Gives every test worker one PostgreSQL server: the one TEST_DATABASE_URL names, or a fresh
 * embedded server in a temporary folder. Tests create their own databases on it. Also finds out
 * whether TEST_REDIS_URL answers, for the tests that need Redis.
 */
export default async function globalSetup(): Promise<void> {
  await probeTestRedis();
  if (process.env.TEST_DATABASE_URL) {
    process.env.LT_TEST_SERVER_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'lienthong-test-'));
  const server = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port: await freePort() });
  process.env.LT_TEST_SERVER_URL = server.url;
  (globalThis as { __lienthongTestServer?: { stop(): Promise<void>; dir: string } }).__lienthongTestServer = { stop: server.stop, dir };
}
