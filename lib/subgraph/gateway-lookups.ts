import { DELEGATION_HEADER, DELEGATION_TTL_MS } from '../auth/delegation-grant';
import { AppError, type ErrorCode } from '../errors';

/** Errors that mean "the caller sees nothing there": the answer holds null in that place. */
const NOT_VISIBLE = new Set<unknown>(['NOT_FOUND', 'UNAUTHORIZED_FIELD_OR_TYPE']);

/** Errors that stop the mutation as they stopped its look-up: about the caller or the graph, never about a row. */
const PASSED_ON = new Set<unknown>(['PURPOSE_REQUIRED', 'AUDIT_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT'] satisfies ErrorCode[]);

interface LookupAnswer {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: unknown } }[];
}

/**
 * How a subgraph checks a reference it does not own while it runs a mutation: it asks the
 * gateway, never another subgraph's database, as the mutation's caller.
 */
export interface GatewayLookups {
  /**
   * Runs a query at the gateway as the caller of this request, with their scopes, jurisdiction
   * and purpose. Whatever the caller may not see (a missing row, a row outside their
   * jurisdiction, a field beyond their scopes) comes back null, exactly alike. A look-up that
   * cannot be made fails the mutation: nothing is written on an unchecked reference.
   */
  query<T>(source: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface LookupTarget {
  /** The gateway's GraphQL URL, read when a look-up is made (tests learn it after the subgraphs start). */
  gatewayUrl: () => string;
  /** The delegation grant this request came with. */
  grant: string;
  requestId: string;
  /** Longest wait for one look-up (GATEWAY_LOOKUP_TIMEOUT_MS); never beyond the grant's lifetime. */
  timeoutMs?: number;
}

function answerOf(body: LookupAnswer): unknown {
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (NOT_VISIBLE.has(code)) continue;
    if (PASSED_ON.has(code)) throw new AppError(code as ErrorCode, error.message ?? String(code));
    // Anything else (an expired grant, a malformed look-up) is LiênThông's own fault: masked, never shown.
    throw new Error(`A reference look-up at the gateway failed with ${String(code)}: ${error.message}`);
  }
  if (body.data === undefined || body.data === null) throw new Error('A reference look-up at the gateway returned no data.');
  return body.data;
}

const isTimeout = (error: unknown) => (error as Error).name === 'TimeoutError';

export function gatewayLookups({ gatewayUrl, grant, requestId, timeoutMs = DELEGATION_TTL_MS }: LookupTarget): GatewayLookups {
  return {
    async query<T>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
      let body: LookupAnswer;
      try {
        const response = await fetch(gatewayUrl(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [DELEGATION_HEADER]: grant, 'x-request-id': requestId },
          body: JSON.stringify({ query: source, variables }),
          // A look-up still waiting when its grant runs out is pointless; the expiry is on the gateway's clock, so the grant's lifetime bounds the wait.
          signal: AbortSignal.timeout(Math.min(timeoutMs, DELEGATION_TTL_MS)),
        });
        body = (await response.json()) as LookupAnswer;
      } catch (error) {
        if (isTimeout(error)) throw new AppError('SUBGRAPH_TIMEOUT', 'A reference could not be checked: the gateway did not answer in time.');
        throw new AppError('SUBGRAPH_UNAVAILABLE', 'A reference could not be checked: the gateway did not answer.');
      }
      return answerOf(body) as T;
    },
  };
}
