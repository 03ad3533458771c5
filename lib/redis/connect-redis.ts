import { Redis } from 'ioredis';
import type { Logger } from '../logging';

/** Where a process's shared Redis is and how long it may take (REDIS_* settings). */
export interface RedisSettings {
  /** `redis://` or `rediss://` URL (REDIS_URL). */
  url: string;
  /** Prepended to every key (REDIS_KEY_PREFIX), so one Redis can serve several deployments or test runs. */
  keyPrefix: string;
  /** A connection attempt that takes longer has failed (REDIS_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs: number;
  /** A command that takes longer has failed (REDIS_COMMAND_TIMEOUT_MS). */
  commandTimeoutMs: number;
}

/** Where a Redis URL points, for logs: the URL itself may carry a password. */
export function redisAddress(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || 6379}`;
}

/** Reconnection back-off: soon after a blip, then every 2 s for as long as Redis is away. */
const reconnectDelay = (attempt: number): number => Math.min(attempt * 100, 2_000);

/**
 * A Redis client for the state replicas share (nonces of signed calls, budgets). What needs Redis
 * is a security or limit check, and a check must not wait for Redis to come back: while the
 * connection is down a command fails at once (no offline queue), a command cut off by a lost
 * connection fails rather than being sent again, and every command has a time limit. The client
 * keeps reconnecting in the background, so checks work again as soon as Redis answers; the log says
 * when Redis becomes unreachable and when it answers again, once each.
 *
 * Resolves when connected, or when the first attempt has failed: a process starts without Redis and
 * refuses what needs it until Redis answers, rather than exit and leave its health route dark.
 */
export async function connectRedis(settings: RedisSettings, logger: Logger): Promise<Redis> {
  const address = redisAddress(settings.url);
  const client = new Redis(settings.url, {
    keyPrefix: settings.keyPrefix,
    connectTimeout: settings.connectTimeoutMs,
    commandTimeout: settings.commandTimeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: reconnectDelay,
    // A connection being closed that does not close is destroyed after this long (ioredis waits 2 s, which holds up a process's exit).
    disconnectTimeout: 200,
    // Commands issued in the same tick (concurrent requests' checks) leave in one write.
    enableAutoPipelining: true,
    lazyConnect: true,
  });
  let unreachable = false;
  client.on('error', (error: Error) => {
    if (unreachable) return;
    unreachable = true;
    logger.error({ redis: address, cause: error.message }, 'Redis is unreachable: what needs it is refused until it answers');
  });
  client.on('ready', () => {
    if (!unreachable) return;
    unreachable = false;
    logger.info({ redis: address }, 'Redis answers again');
  });
  // A failed first attempt was logged by the error handler; reconnection goes on.
  await client.connect().catch(() => undefined);
  return client;
}

/** True when Redis answers a PING within the command time limit. */
export async function redisAnswers(client: Redis): Promise<boolean> {
  try {
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  }
}

/** Closes the connection once pending replies are in, or at once when Redis is away; no reconnection after. */
export async function closeRedis(client: Redis): Promise<void> {
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
