/** Tokens a budget holds at most: a burst of retries never exceeds this. */
const CAPACITY = 100;

/**
 * How many retries one subgraph may get: each call adds a share of a retry (10 % by default),
 * each retry takes a whole one, and a small floor refills with time so that a quiet gateway can
 * still retry. When a subgraph fails, retries are capped at that share of its traffic instead of
 * multiplying it (the retry budget of Finagle and gRPC).
 */
export class RetryBudget {
  private tokens: number;
  private refilledAt = Date.now();

  constructor(
    /** Retries earned per call (0.1: one retry per ten calls). */
    private readonly ratio: number,
    /** Retries earned per second whatever the traffic. */
    private readonly floorPerSecond = 5,
  ) {
    this.tokens = floorPerSecond;
  }

  /** A call was made: it earns its share of a retry. */
  deposit(): void {
    this.tokens = Math.min(CAPACITY, this.tokens + this.ratio);
  }

  /** Takes one retry from the budget; false when it has none left. */
  withdraw(): boolean {
    const now = Date.now();
    this.tokens = Math.min(CAPACITY, this.tokens + ((now - this.refilledAt) / 1000) * this.floorPerSecond);
    this.refilledAt = now;
    // Tenths added a hundred times fall just short of ten in floating point.
    if (this.tokens < 1 - 1e-9) return false;
    this.tokens -= 1;
    return true;
  }
}
