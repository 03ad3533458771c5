import type { AuditWriter } from '../lib/auth/audit-record';
import { sendJson, type RouteHandler } from '../lib/http';
import type { Logger } from '../lib/logging';

/** How long a subgraph's answer to a probe may take before it counts as unavailable. */
const PROBE_TIMEOUT_MS = 2_000;

/** `unsigned`: the subgraph answers requests the gateway did not sign, so anyone who reaches it reads around the gateway. */
type SubgraphState = 'ok' | 'unavailable' | 'unsigned';

async function statusOf(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown } | null> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const body: unknown = response.headers.get('content-type')?.includes('json') ? await response.json().catch(() => null) : (await response.body?.cancel(), null);
    return { status: response.status, body };
  } catch {
    return null;
  }
}

/** The smallest query there is, sent without the gateway's signature. */
const UNSIGNED_PROBE: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) };

const answeredWithData = (answer: { status: number; body: unknown } | null): boolean =>
  answer !== null && answer.status === 200 && typeof (answer.body as { data?: unknown } | null)?.data === 'object';

/**
 * One subgraph's state: a request without the gateway's signature must be refused (4xx) — one
 * answered with data means the subgraph does not verify signatures — and its /ready must answer
 * 200 (LiênThông's own check their database and nonce store there). A subgraph without a /ready
 * route (404), as a foreign one may be, counts as up once it refused the unsigned request.
 */
async function probe(graphqlUrl: string): Promise<SubgraphState> {
  const [unsigned, ready] = await Promise.all([statusOf(graphqlUrl, UNSIGNED_PROBE), statusOf(new URL('/ready', graphqlUrl).href)]);
  if (answeredWithData(unsigned)) return 'unsigned';
  if (unsigned === null || unsigned.status < 400 || unsigned.status >= 500) return 'unavailable';
  return ready?.status === 200 || ready?.status === 404 ? 'ok' : 'unavailable';
}

export interface HealthOptions {
  /** Production: a subgraph that answers unsigned requests keeps the gateway from being ready. */
  refuseUnsigned: boolean;
  /** Whose readiness counts too: a read of personal data the log cannot take fails closed. */
  audit: AuditWriter;
  logger: Logger;
}

/**
 * `/health`: the gateway process runs. `/ready`: it can serve. 503 when the audit log cannot take
 * a record now (a lock held on it, its database frozen: every read of personal data would fail
 * closed), when no subgraph of the supergraph served can answer, or (production) when one answers
 * requests the gateway did not sign; 200 `degraded` when some subgraphs do not answer, since the
 * gateway still answers everything the others serve (taking every replica out of the load balancer
 * would turn a partial outage into a whole one). The body names subgraphs and their state, never
 * their addresses; a subgraph that answers unsigned requests is logged once. While the gateway
 * drains, lib/http answers 503 before this runs.
 */
export function healthRoutes(endpoints: () => Readonly<Record<string, string>>, { refuseUnsigned, audit, logger }: HealthOptions): Record<string, RouteHandler> {
  const warned = new Set<string>();
  return {
    '/health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/ready': async (_req, res) => {
      // The subgraphs of the supergraph served now: a reload may have changed them.
      const named = Object.entries(endpoints());
      const [auditReady, ...states] = await Promise.all([audit.probe?.() ?? true, ...named.map(([, url]) => probe(url))]);
      named.forEach(([name], i) => {
        if (states[i] !== 'unsigned' || warned.has(name)) return;
        warned.add(name);
        logger.warn({ subgraph: name }, 'subgraph answers requests the gateway did not sign: anyone who reaches it reads around the gateway\'s access rules and audit');
      });
      const serving = states.filter((state) => state === 'ok' || (state === 'unsigned' && !refuseUnsigned)).length;
      const ready = auditReady && serving > 0 && !(refuseUnsigned && states.includes('unsigned'));
      const status = !ready ? 'unavailable' : serving === states.length ? 'ok' : 'degraded';
      sendJson(res, ready ? 200 : 503, { status, audit: auditReady ? 'ok' : 'unavailable', subgraphs: Object.fromEntries(named.map(([name], i) => [name, states[i]])) });
    },
  };
}
