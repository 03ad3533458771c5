import { loadConfig, settings, type ConfigOf } from '../../lib/config';
import { counter, gauge } from '../../lib/metrics';
import type { SubgraphResilience } from './resilient-fetcher';
import { RetryBudget } from './retry-budget';
import { SubgraphBreaker, type BreakerState } from './subgraph-breaker';

/** Time limits, retries and circuit breakers of subgraph calls. */
export const RESILIENCE_SETTINGS = {
  subgraphTimeoutMs: settings.subgraphTimeoutMs,
  subgraphTimeoutOverrides: settings.subgraphTimeoutOverrides,
  operationTimeoutMs: settings.operationTimeoutMs,
  subgraphRetries: settings.subgraphRetries,
  subgraphRetryBudgetPercent: settings.subgraphRetryBudgetPercent,
  subgraphRetryBackoffMs: settings.subgraphRetryBackoffMs,
  breakerErrorPercent: settings.breakerErrorPercent,
  breakerMinCalls: settings.breakerMinCalls,
  breakerWindowMs: settings.breakerWindowMs,
  breakerResetMs: settings.breakerResetMs,
};

export type ResilienceConfig = ConfigOf<typeof RESILIENCE_SETTINGS>;

export const resilienceDefaults = (): ResilienceConfig => loadConfig(RESILIENCE_SETTINGS, {});

const BREAKER_STATES: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

const breakerState = gauge({
  name: 'lienthong_gateway_subgraph_breaker_state',
  help: 'State of each subgraph\'s circuit breaker: 0 closed, 1 half-open (one trial call), 2 open (calls fail at once)',
  labelNames: ['subgraph'] as const,
});

const retries = counter({ name: 'lienthong_gateway_subgraph_retries_total', help: 'Subgraph queries tried again after a refused connection or a 429/502/503/504', labelNames: ['subgraph'] as const });

/** Configuration names a subgraph the supergraph does not have. */
export class UnknownTimeoutSubgraphError extends Error {
  override readonly name = 'UnknownTimeoutSubgraphError';
}

export interface GatewayResilience {
  /** A subgraph's time limit, retry budget and breaker: made at its first call, kept across supergraph reloads. */
  of(subgraph: string): SubgraphResilience;
  /** Stops the breakers' timers. */
  close(): void;
}

/** Refuses SUBGRAPH_TIMEOUTS_MS naming a subgraph the supergraph served does not route to. */
export function checkTimeoutOverrides(config: ResilienceConfig, subgraphs: readonly string[]): void {
  const unknown = Object.keys(config.subgraphTimeoutOverrides).filter((name) => !subgraphs.includes(name));
  if (unknown.length > 0) throw new UnknownTimeoutSubgraphError(`SUBGRAPH_TIMEOUTS_MS names ${unknown.join(', ')}, which the supergraph does not route to (it has ${subgraphs.join(', ')}).`);
}

function subgraphResilience(subgraph: string, config: ResilienceConfig): SubgraphResilience {
  breakerState.set({ subgraph }, 0);
  const breaker = new SubgraphBreaker(
    subgraph,
    { errorPercent: config.breakerErrorPercent, minCalls: config.breakerMinCalls, windowMs: config.breakerWindowMs, resetMs: config.breakerResetMs },
    (state) => breakerState.set({ subgraph }, BREAKER_STATES[state]),
  );
  const retried = retries.labels(subgraph);
  return {
    timeoutMs: config.subgraphTimeoutOverrides[subgraph] ?? config.subgraphTimeoutMs,
    retries: config.subgraphRetries,
    backoffMs: config.subgraphRetryBackoffMs,
    budget: new RetryBudget(config.subgraphRetryBudgetPercent / 100),
    breaker,
    onRetry: () => retried.inc(),
  };
}

/** Each subgraph's time limit, retry budget and breaker, from the configuration. */
export function createResilience(config: ResilienceConfig): GatewayResilience {
  const bySubgraph = new Map<string, SubgraphResilience>();
  return {
    of: (subgraph) => {
      let resilience = bySubgraph.get(subgraph);
      if (!resilience) bySubgraph.set(subgraph, (resilience = subgraphResilience(subgraph, config)));
      return resilience;
    },
    close: () => bySubgraph.forEach(({ breaker }) => breaker.shutdown()),
  };
}
