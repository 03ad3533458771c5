import { counter, histogram, LATENCY_BUCKETS, SIZE_BUCKETS } from '../../lib/metrics';

/** What the audit writer reports: how long records wait to be committed, how many go together, and how many never were. */
export function auditMetrics() {
  const failures = counter({
    name: 'lienthong_gateway_audit_append_failures_total',
    help: 'Audit records not committed: refused by the database (error) or not committed in time (timeout); each failed its request closed',
    labelNames: ['reason'] as const,
  });
  return {
    latency: histogram({ name: 'lienthong_gateway_audit_append_duration_seconds', help: 'Time from an audit append to its commit, for records committed', buckets: LATENCY_BUCKETS }),
    batchSize: histogram({ name: 'lienthong_gateway_audit_batch_size', help: 'Audit records committed per transaction (group commit)', buckets: SIZE_BUCKETS }),
    failed: failures.labels('error'),
    timedOut: failures.labels('timeout'),
  };
}
