/** Statuses that say "not now": an overloaded subgraph, or a load balancer that found none behind it. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Failures before any answer, when the request cannot have been run: nothing listens, or the connection broke. */
const RETRYABLE_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

export const isRetryableStatus = (status: number): boolean => RETRYABLE_STATUSES.has(status);

export const isRetryableError = (error: unknown): boolean => RETRYABLE_ERRORS.has((error as NodeJS.ErrnoException).code ?? '');

/** Milliseconds a Retry-After header asks for (seconds, or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How long to wait before retry number `attempt` (0 for the first): what the subgraph asked for, else full jitter up to base × 2^attempt. */
export const backoffMs = (attempt: number, baseMs: number, retryAfter: number | undefined): number =>
  retryAfter ?? Math.random() * baseMs * 2 ** attempt;
