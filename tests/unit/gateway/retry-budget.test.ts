import { RetryBudget } from '../../../gateway/resilience/retry-budget';
import { backoffMs, retryAfterMs } from '../../../gateway/resilience/retry-policy';

describe('The retry budget', () => {
  test('allows at most one retry per ten calls at 10 %, once its starting floor is spent', () => {
    const budget = new RetryBudget(0.1, 0);
    for (let i = 0; i < 100; i += 1) budget.deposit();
    let retries = 0;
    while (budget.withdraw()) retries += 1;
    expect(retries).toBe(10);
  });

  test('allows none at 0 % with no floor', () => {
    const budget = new RetryBudget(0, 0);
    for (let i = 0; i < 100; i += 1) budget.deposit();
    expect(budget.withdraw()).toBe(false);
  });
});

describe('Retry-After and backoff', () => {
  test('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-12-05T00:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2_000);
    expect(retryAfterMs('Sat, 05 Dec 2026 00:00:03 GMT', now)).toBe(3_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  test('waits what the subgraph asked, else a random time up to base × 2^attempt', () => {
    expect(backoffMs(3, 50, 1_000)).toBe(1_000);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const wait = backoffMs(attempt, 50, undefined);
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThanOrEqual(50 * 2 ** attempt);
    }
  });
});
