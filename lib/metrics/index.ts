export { counter, gauge, histogram, LATENCY_BUCKETS, SIZE_BUCKETS } from './registry';
export { metricsRoute } from './metrics-route';
export { OperationNames, outcomeOf } from './operation-names';
export { observePool } from './pool-metrics';
export { requestMetrics } from './request-metrics';
