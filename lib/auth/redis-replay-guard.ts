import type { Redis } from 'ioredis';
import { redisAnswers } from '../redis';
import { ReplayGuardUnavailable, type ReplayGuard } from './replay-guard';

/**
 * The guard every replica of one subgraph shares through Redis: `SET nonce:<subgraph>:<nonce> NX
 * PX <ms>` claims a nonce in one atomic round trip, so of two replicas handed the same request at
 * the same moment exactly one accepts it. Keys expire on their own; nothing else is stored.
 *
 * When Redis does not answer (down, unreachable, slower than REDIS_COMMAND_TIMEOUT_MS) the guard
 * cannot tell a replay from a first use and says so: fail closed.
 */
export class RedisReplayGuard implements ReplayGuard {
  constructor(
    private readonly redis: Redis,
    /** Whose nonces these are (the subgraph's name): each subgraph keeps its own. */
    private readonly subgraph: string,
  ) {}

  async firstUse(nonce: string, rememberUntil: number, now = Date.now()): Promise<boolean> {
    let claimed: string | null;
    try {
      claimed = await this.redis.set(`nonce:${this.subgraph}:${nonce}`, '1', 'PX', Math.max(1, rememberUntil - now), 'NX');
    } catch (error) {
      throw new ReplayGuardUnavailable(`Redis did not answer the nonce check: ${(error as Error).message}`);
    }
    return claimed === 'OK';
  }

  available(): Promise<boolean> {
    return redisAnswers(this.redis);
  }
}
