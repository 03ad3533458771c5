export { connectRedis, closeRedis, redisAnswers, redisAddress, type RedisSettings } from './connect-redis';
export { openConfiguredRedis, redisSettings } from './configured-redis';
