/**
 * Remembers nonces until their request would be stale anyway, so each signed request is
 * accepted once. Memory stays bounded by the request rate times the freshness window.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  /** True the first time a nonce is seen before `expiresAt`; false on any repeat. */
  firstUse(nonce: string, expiresAt: number, now = Date.now()): boolean {
    if (now >= this.nextSweep) this.sweep(now);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, expiresAt);
    return true;
  }

  private sweep(now: number): void {
    for (const [nonce, expiresAt] of this.seen) if (expiresAt <= now) this.seen.delete(nonce);
    this.nextSweep = now + 5_000;
  }
}
