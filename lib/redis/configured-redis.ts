import type { Redis } from 'ioredis';
import { settings, type ConfigOf } from '../config';
import type { Logger } from '../logging';
import { connectRedis } from './connect-redis';

/** The REDIS_* settings, to spread into a process's own list of settings. */
export const redisSettings = {
  redisUrl: settings.redisUrl,
  redisKeyPrefix: settings.redisKeyPrefix,
  redisConnectTimeoutMs: settings.redisConnectTimeoutMs,
  redisCommandTimeoutMs: settings.redisCommandTimeoutMs,
};

/** The Redis that REDIS_URL names, connected; null when it is unset, and what replicas would share stays in this process. */
export async function openConfiguredRedis(config: ConfigOf<typeof redisSettings>, logger: Logger): Promise<Redis | null> {
  if (!config.redisUrl) return null;
  return connectRedis(
    { url: config.redisUrl, keyPrefix: config.redisKeyPrefix, connectTimeoutMs: config.redisConnectTimeoutMs, commandTimeoutMs: config.redisCommandTimeoutMs },
    logger,
  );
}
