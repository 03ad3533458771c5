import { sendJson, type RouteHandler } from '../lib/http';
import type { Logger } from '../lib/logging';

/** How long a subgraph's answer to a probe may take before it counts as unavailable. */
const PROBE_TIMEOUT_MS = 2_000;

/** `unsigned`: the subgraph answers requests the gateway did not sign, so anyone who reaches it reads around the gateway. */
type SubgraphState = 'ok' | 'unavailable' | 'unsigned';

/** A subgraph serves /health on the same origin as its GraphQL endpoint. */
const healthUrlOf = (graphqlUrl: string): string => new URL('/health', graphqlUrl).href;

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
 * answered with data means the subgraph does not verify signatures — and its /health must answer
 * 200 (LiênThông's own also check their database and nonce store there). A subgraph without a
 * /health route (404), as a foreign one may be, counts as up once it refused the unsigned request.
 */
async function probe(graphqlUrl: string): Promise<SubgraphState> {
  const [unsigned, health] = await Promise.all([statusOf(graphqlUrl, UNSIGNED_PROBE), statusOf(healthUrlOf(graphqlUrl))]);
  if (answeredWithData(unsigned)) return 'unsigned';
  if (unsigned === null || unsigned.status < 400 || unsigned.status >= 500) return 'unavailable';
  return health?.status === 200 || health?.status === 404 ? 'ok' : 'unavailable';
}

export interface HealthOptions {
  /** Production: a subgraph that answers unsigned requests keeps the gateway from being ready. */
  refuseUnsigned: boolean;
  logger: Logger;
}

/**
 * `/health`: the gateway process is up. `/ready`: every subgraph of the supergraph served is up and
 * refuses requests the gateway did not sign, so the gateway can serve whole answers; the body names
 * subgraphs and their state, never their addresses. A subgraph that answers unsigned requests is
 * logged (once) and named `unsigned`; in production it makes the gateway not ready.
 */
export function healthRoutes(endpoints: () => Readonly<Record<string, string>>, { refuseUnsigned, logger }: HealthOptions): Record<string, RouteHandler> {
  const warned = new Set<string>();
  return {
    '/health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/ready': async (_req, res) => {
      // The subgraphs of the supergraph served now: a reload may have changed them.
      const states = await Promise.all(Object.entries(endpoints()).map(async ([name, url]) => [name, await probe(url)] as const));
      for (const [name, state] of states) {
        if (state !== 'unsigned' || warned.has(name)) continue;
        warned.add(name);
        logger.warn({ subgraph: name }, 'subgraph answers requests the gateway did not sign: anyone who reaches it reads around the gateway\'s access rules and audit');
      }
      const ready = states.every(([, state]) => state === 'ok' || (state === 'unsigned' && !refuseUnsigned));
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable', subgraphs: Object.fromEntries(states) });
    },
  };
}
