import type { ExchangeReport } from '../http';
import { histogram, LATENCY_BUCKETS } from './registry';
import { OperationNames, outcomeOf } from './operation-names';

/**
 * Duration (and so count) of the GraphQL requests a process serves, by operation name and outcome:
 * lib/http's `observe` hook. `process` is `gateway` or a subgraph's name.
 */
export function requestMetrics<Ctx>(process: string, maxOperationNames: number): (report: ExchangeReport<Ctx>) => void {
  const durations = histogram({
    name: 'lienthong_graphql_request_duration_seconds',
    help: 'GraphQL requests served, by process, operation name and outcome (ok, or the first error code of the answer)',
    labelNames: ['process', 'operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
  });
  const names = new OperationNames(maxOperationNames);
  return (report) => durations.observe({ process, operation: names.label(report.operationName), outcome: outcomeOf(report.errorCodes) }, report.durationMs / 1000);
}
