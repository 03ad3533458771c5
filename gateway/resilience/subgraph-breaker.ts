import CircuitBreaker from 'opossum';

export interface BreakerOptions {
  /** Share of failed calls, in percent over the window, at which the breaker opens. */
  errorPercent: number;
  /** Calls the window must hold before the breaker may open. */
  minCalls: number;
  windowMs: number;
  /** How long an open breaker waits before it lets one trial call through. */
  resetMs: number;
}

export type BreakerState = 'closed' | 'half-open' | 'open';

/** A call refused at once because the subgraph's breaker is open. */
export class BreakerOpen extends Error {
  override readonly name = 'BreakerOpen';
}

type Call = () => Promise<unknown>;

/**
 * One subgraph's circuit breaker (opossum): when too many of its calls fail or time out, the
 * next ones fail at once (`BreakerOpen`) instead of each waiting out its timeout against a
 * subgraph that is down; after `resetMs` one trial call goes through, and its success closes the
 * breaker again. Time limits are the connections' job, so opossum's own timeout is off.
 */
export class SubgraphBreaker {
  private readonly breaker: CircuitBreaker<[Call], unknown>;

  constructor(subgraph: string, options: BreakerOptions, onState: (state: BreakerState) => void = () => undefined) {
    this.breaker = new CircuitBreaker((call: Call) => call(), {
      name: subgraph,
      timeout: false,
      errorThresholdPercentage: options.errorPercent,
      volumeThreshold: options.minCalls,
      rollingCountTimeout: options.windowMs,
      resetTimeout: options.resetMs,
    });
    this.breaker.on('open', () => onState('open'));
    this.breaker.on('halfOpen', () => onState('half-open'));
    this.breaker.on('close', () => onState('closed'));
  }

  get state(): BreakerState {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half-open' : 'closed';
  }

  async call<T>(send: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(send)) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EOPENBREAKER') throw new BreakerOpen('the subgraph\'s circuit breaker is open');
      throw error;
    }
  }

  /** Stops the breaker's timers. */
  shutdown(): void {
    this.breaker.shutdown();
  }
}
