import type { ExchangeReport } from '../http';
import { histogram, LATENCY_BUCKETS } from './registry';
import { OperationNames, outcomeOf } from './operation-names';

/**
 * Duration (and so count) of the GraphQL requests a process serves, by operation name and outcome:
 * lib/http's `observe` hook. `process` is `gateway` or a subgraph's name. Each (operation, outcome)
 * pair's histogram is looked up once and kept, so a request costs one map look-up and one observation.
 */
export function requestMetrics<Ctx>(process: string, maxOperationNames: number): (report: ExchangeReport<Ctx>) => void {
  const durations = histogram({
    name: 'lienthong_graphql_request_duration_seconds',
    help: 'GraphQL requests served, by process, operation name and outcome (ok, or the first error code of the answer)',
    labelNames: ['process', 'operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
  });
  const names = new OperationNames(maxOperationNames);
  const bound = new Map<string, { observe(seconds: number): void }>();
  return (report) => {
    const operation = names.label(report.operationName);
    const outcome = outcomeOf(report.errorCodes);
    const key = `${operation}\n${outcome}`;
    let child = bound.get(key);
    if (!child) {
      child = durations.labels(process, operation, outcome);
      bound.set(key, child);
    }
    child.observe(report.durationMs / 1000);
  };
}
