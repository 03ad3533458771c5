/**
 * Remembers the nonces of the signed requests a subgraph accepted, so each is accepted once. All
 * replicas of a subgraph must share one (RedisReplayGuard): a replay sent to another replica is
 * still a replay.
 */
export interface ReplayGuard {
  /**
   * True the first time a nonce is seen, false on any repeat; the nonce is remembered at least
   * until `rememberUntil` (epoch ms). Rejects with ReplayGuardUnavailable when it cannot tell.
   */
  firstUse(nonce: string, rememberUntil: number): Promise<boolean>;
  /** Whether it can tell right now (a health route asks). */
  available(): Promise<boolean>;
}

/** The guard cannot say whether a nonce was seen: the request must be refused, never let through. */
export class ReplayGuardUnavailable extends Error {
  override readonly name = 'ReplayGuardUnavailable';
}

/**
 * The guard of one process, for a subgraph that runs as one replica (REDIS_URL unset). Memory
 * stays bounded by the request rate times the freshness window.
 */
export class MemoryReplayGuard implements ReplayGuard {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  async firstUse(nonce: string, rememberUntil: number, now = Date.now()): Promise<boolean> {
    if (now >= this.nextSweep) this.sweep(now);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, rememberUntil);
    return true;
  }

  async available(): Promise<boolean> {
    return true;
  }

  private sweep(now: number): void {
    for (const [nonce, rememberUntil] of this.seen) if (rememberUntil <= now) this.seen.delete(nonce);
    this.nextSweep = now + 5_000;
  }
}
