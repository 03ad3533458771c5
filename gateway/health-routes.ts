import type { AuditWriter } from '../lib/auth/audit-record';
import { sendJson, type RouteHandler } from '../lib/http';
import { answersWithin } from '../lib/subgraph/readiness';

/** How long a subgraph's /ready may take before it counts as unavailable. */
const PROBE_TIMEOUT_MS = 2_000;

type State = 'ok' | 'unavailable';

const stateOf = (ok: boolean): State => (ok ? 'ok' : 'unavailable');

/** A subgraph serves /ready on the same origin as its GraphQL endpoint. */
const readyUrlOf = (graphqlUrl: string): string => new URL('/ready', graphqlUrl).href;

async function probe(url: string): Promise<boolean> {
  return answersWithin(async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  }, PROBE_TIMEOUT_MS);
}

/**
 * `/health`: the gateway process runs. `/ready`: it can serve. 503 when the audit log cannot take
 * a record now (a lock held on it, its database frozen: every read of personal data would fail
 * closed), or when no subgraph answers; 200 `degraded` when some subgraphs do not answer, since
 * the gateway still answers everything the others serve (taking every replica out of the load
 * balancer would turn a partial outage into a whole one). The body names subgraphs, never their
 * addresses. While the gateway drains, lib/http answers 503 before this runs.
 */
export function healthRoutes(endpoints: Record<string, string>, audit: AuditWriter): Record<string, RouteHandler> {
  const probes = Object.entries(endpoints).map(([name, url]) => ({ name, url: readyUrlOf(url) }));
  return {
    '/health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/ready': async (_req, res) => {
      const [auditReady, ...states] = await Promise.all([audit.probe?.() ?? true, ...probes.map(({ url }) => probe(url))]);
      const subgraphs = Object.fromEntries(probes.map(({ name }, i) => [name, stateOf(states[i]!)]));
      const ready = auditReady && states.some(Boolean);
      const status = !ready ? 'unavailable' : states.every(Boolean) ? 'ok' : 'degraded';
      sendJson(res, ready ? 200 : 503, { status, audit: stateOf(auditReady), subgraphs });
    },
  };
}
