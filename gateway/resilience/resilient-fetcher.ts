import { isQuery } from '../in-flight-queries';
import type { Fetcher } from '../subgraph-connections';
import { deadlineOf, SubgraphTimeout, withDeadline } from './call-deadline';
import type { RetryBudget } from './retry-budget';
import { backoffMs, isRetryableError, isRetryableStatus, retryAfterMs } from './retry-policy';
import type { SubgraphBreaker } from './subgraph-breaker';

export interface SubgraphResilience {
  /** Time limit of one attempt; the operation's deadline may leave less. */
  timeoutMs: number;
  /** Attempts after the first, for queries only. */
  retries: number;
  backoffMs: number;
  budget: RetryBudget;
  breaker: SubgraphBreaker;
  /** Told of each retry, for metrics. */
  onRetry?: () => void;
}

type FetchedResponse = Awaited<ReturnType<Fetcher>>;
type Attempt = { response: FetchedResponse; error?: undefined } | { error: unknown; response?: undefined };

/** An answer that says the subgraph is down (502, 503, 504): a failure for the breaker, the answer kept for the retry decision. */
class UnavailableStatus extends Error {
  constructor(readonly response: FetchedResponse) {
    super(`HTTP ${response.status}`);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A subgraph's calls, bounded and retried: each attempt gets the subgraph's time limit or what is
 * left of the operation's, whichever is less; each goes through the subgraph's circuit breaker;
 * a query whose attempt was refused a connection or answered 429/502/503/504 is tried again (up to
 * `retries` times, after a backoff that honours Retry-After, if the retry budget and the
 * operation's time allow). A mutation is never sent twice, and a call that timed out is not
 * retried: the subgraph may still be working on it. What `send` does (sign, connect) is redone
 * for every attempt, so each carries its own nonce.
 */
export function resilientFetcher(send: Fetcher, resilience: SubgraphResilience): Fetcher {
  const { breaker, budget } = resilience;
  const attempt = async (url: string, init: NonNullable<Parameters<Fetcher>[1]>, deadline: number): Promise<Attempt> => {
    const headers = withDeadline(init.headers, Math.min(deadline, Date.now() + resilience.timeoutMs));
    try {
      const response = await breaker.call(async () => {
        const answer = await send(url, { ...init, headers });
        if (answer.status === 502 || answer.status === 503 || answer.status === 504) throw new UnavailableStatus(answer);
        return answer;
      });
      return { response };
    } catch (error) {
      return error instanceof UnavailableStatus ? { response: error.response } : { error };
    }
  };
  return async (url, init = {}) => {
    const deadline = deadlineOf(init.headers) ?? Infinity;
    const retriable = isQuery(init.body === undefined ? '' : init.body.toString());
    if (retriable) budget.deposit();
    for (let tries = 0; ; tries += 1) {
      if (Date.now() >= deadline) throw new SubgraphTimeout('the operation ran out of time before this call');
      const outcome = await attempt(url, init, deadline);
      const again = outcome.response ? isRetryableStatus(outcome.response.status) : isRetryableError(outcome.error);
      if (again && retriable && tries < resilience.retries) {
        const wait = backoffMs(tries, resilience.backoffMs, retryAfterMs(outcome.response?.headers.get('retry-after') ?? null));
        if (Date.now() + wait < deadline && budget.withdraw()) {
          resilience.onRetry?.();
          await sleep(wait);
          continue;
        }
      }
      if (outcome.response) return outcome.response;
      throw outcome.error;
    }
  };
}
