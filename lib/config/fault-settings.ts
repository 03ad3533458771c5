import { z } from 'zod';
import { setting, values } from './define-config';

/** `payments=3000,audit=2000` → `{ payments: 3000, audit: 2000 }`. */
const perSubgraphMs = z
  .string()
  .regex(/^\s*[a-z][a-z0-9-]*=\d+\s*(,\s*[a-z][a-z0-9-]*=\d+\s*)*$/, 'expected name=milliseconds pairs separated by commas, e.g. payments=3000,audit=2000')
  .optional()
  .transform((text) => Object.fromEntries((text ?? '').split(',').filter(Boolean).map((pair) => pair.trim().split('=')).map(([name, ms]) => [name!, Number(ms)])) as Record<string, number>);

/**
 * What bounds every wait, how calls to a failing subgraph are retried or cut short, how processes
 * stop, and what they report (metrics, traces, logs): the README's "Operating LiênThông".
 */
export const FAULT_SETTINGS = {
  subgraphTimeoutOverrides: setting('SUBGRAPH_TIMEOUTS_MS', 'Time limits of single subgraphs, overriding SUBGRAPH_TIMEOUT_MS for them: name=milliseconds pairs separated by commas (e.g. payments=3000,audit=2000)', perSubgraphMs),
  operationTimeoutMs: setting(
    'OPERATION_TIMEOUT_MS',
    'Longest time one operation may spend on its subgraph calls (retries included) and the audit record of a read; a call still unanswered then fails with SUBGRAPH_TIMEOUT, one not yet sent is not sent',
    values.positiveInt(10_000),
  ),
  subgraphRetries: setting('SUBGRAPH_RETRIES', 'Times a subgraph query is tried again after a refused connection or an answer of 429, 502, 503 or 504 (never a mutation, never after a timeout)', values.count(2)),
  subgraphRetryBudgetPercent: setting('SUBGRAPH_RETRY_BUDGET_PERCENT', 'Retries each subgraph may get, as a share of its calls in percent (plus a floor of 5 a second), so retries cannot multiply the load on a failing subgraph', values.count(10)),
  subgraphRetryBackoffMs: setting('SUBGRAPH_RETRY_BACKOFF_MS', 'Base of the retry backoff: attempt n waits a random time up to base × 2^n, or what the subgraph\'s Retry-After says, within the operation\'s time', values.positiveInt(50)),
  breakerErrorPercent: setting('SUBGRAPH_BREAKER_ERROR_PERCENT', 'Share of failed calls (in percent, over SUBGRAPH_BREAKER_WINDOW_MS) at which a subgraph\'s circuit breaker opens and its calls fail at once with SUBGRAPH_UNAVAILABLE', values.positiveInt(50)),
  breakerMinCalls: setting('SUBGRAPH_BREAKER_MIN_CALLS', 'Calls a subgraph must have had in the window before its breaker may open', values.positiveInt(20)),
  breakerWindowMs: setting('SUBGRAPH_BREAKER_WINDOW_MS', 'Window over which a subgraph\'s breaker counts failures', values.positiveInt(10_000)),
  breakerResetMs: setting('SUBGRAPH_BREAKER_RESET_MS', 'How long an open breaker waits before it lets one trial call through (closing again if it succeeds)', values.positiveInt(2_000)),
  dbStatementTimeoutMs: setting('DB_STATEMENT_TIMEOUT_MS', 'Longest a database statement may run (PostgreSQL\'s statement_timeout and lock_timeout; a server that does not answer at all is given one second more) before it fails with SUBGRAPH_UNAVAILABLE', values.positiveInt(5_000)),
  dbAcquireTimeoutMs: setting('DB_ACQUIRE_TIMEOUT_MS', 'Longest wait for a database connection (a free one from the pool, or a new one) before the statement fails with SUBGRAPH_UNAVAILABLE', values.positiveInt(2_000)),
  auditAppendTimeoutMs: setting('AUDIT_APPEND_TIMEOUT_MS', 'Longest wait for an audit record to be committed; after it the read or change fails with AUDIT_UNAVAILABLE (503) and nothing is returned or changed', values.positiveInt(3_000)),
  gatewayLookupTimeoutMs: setting('GATEWAY_LOOKUP_TIMEOUT_MS', 'Longest a subgraph waits for a reference look-up through the gateway (within the delegation grant\'s 10 s) before the mutation fails with SUBGRAPH_TIMEOUT', values.positiveInt(5_000)),
  drainDelayMs: setting('DRAIN_DELAY_MS', 'On SIGTERM, how long a process goes on serving with /ready at 503 and every response closing its connection, before it stops accepting: the time your load balancer needs to notice (npm start uses 1000)', values.count(5_000)),
  drainTimeoutMs: setting('DRAIN_TIMEOUT_MS', 'On SIGTERM, how long a process waits for requests in flight once it stopped accepting; those still running then are cut and it exits', values.positiveInt(20_000)),
  metricsMaxOperationNames: setting('METRICS_MAX_OPERATION_NAMES', 'Distinct operation names the metrics label requests with; later names are counted as `other`, so clients cannot grow the metrics without bound', values.positiveInt(200)),
  accessLog: setting('ACCESS_LOG', 'One log line per GraphQL request (request id, trace id, pseudonymised subject, role, province, operation, duration, status, error codes)', values.flag(true)),
  logPseudonymKeyFile: setting(
    'LOG_PSEUDONYM_KEY_FILE',
    'Secret key (a file of at least 32 bytes) the access log pseudonymises subjects with (HMAC-SHA256); required in production; unset in development: one made in LT_DATA_DIR/keys',
    z.string().min(1).optional(),
  ),
  tracesExporter: setting('OTEL_TRACES_EXPORTER', 'none: no traces; otlp: OpenTelemetry traces sent to OTEL_EXPORTER_OTLP_ENDPOINT (OTLP over HTTP; the other standard OTEL_* variables apply); console: printed', z.enum(['none', 'otlp', 'console']).default('none')),
};
