import { ConfigError, loadConfig } from '../../../lib/config';
import { redisAddress, redisSettings } from '../../../lib/redis';

describe('Redis settings', () => {
  test('unset, nothing is shared: REDIS_URL is undefined and the defaults hold', () => {
    expect(loadConfig(redisSettings, {})).toEqual({ redisUrl: undefined, redisKeyPrefix: 'lienthong:', redisConnectTimeoutMs: 2_000, redisCommandTimeoutMs: 500 });
  });

  test.each(['redis://127.0.0.1:6379', 'rediss://:secret@redis.internal:6380/2', 'redis://redis'])('accepts %s', (url) => {
    expect(loadConfig(redisSettings, { REDIS_URL: url }).redisUrl).toBe(url);
  });

  test.each([
    ['localhost:6379', 'must be a redis:// or rediss:// URL naming a host, such as redis://127.0.0.1:6379'],
    ['http://127.0.0.1:6379', 'must be a redis:// or rediss:// URL naming a host, such as redis://127.0.0.1:6379'],
    ['redis:///0', 'must be a redis:// or rediss:// URL naming a host, such as redis://127.0.0.1:6379'],
    ['127.0.0.1', 'must be a URL such as redis://127.0.0.1:6379'],
  ])('refuses REDIS_URL=%s, naming the variable and why', (url, reason) => {
    expect(() => loadConfig(redisSettings, { REDIS_URL: url })).toThrow(ConfigError);
    expect(() => loadConfig(redisSettings, { REDIS_URL: url })).toThrow(`REDIS_URL=${JSON.stringify(url)}: ${reason}`);
  });

  test('logs name where Redis is, never the password a URL may carry', () => {
    expect(redisAddress('rediss://:secret@redis.internal:6380/2')).toBe('redis.internal:6380');
    expect(redisAddress('redis://redis')).toBe('redis:6379');
  });
});
