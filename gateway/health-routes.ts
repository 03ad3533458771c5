import { sendJson, type RouteHandler } from '../lib/http';

/** How long a subgraph's /health may take before it counts as unavailable. */
const PROBE_TIMEOUT_MS = 2_000;

type SubgraphState = 'ok' | 'unavailable';

/** A subgraph serves /health on the same origin as its GraphQL endpoint. */
const healthUrlOf = (graphqlUrl: string): string => new URL('/health', graphqlUrl).href;

async function probe(url: string): Promise<SubgraphState> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.status === 200 ? 'ok' : 'unavailable';
  } catch {
    return 'unavailable';
  }
}

/**
 * `/health`: the gateway process is up. `/ready`: every subgraph answers its own /health, so
 * the gateway can serve whole answers; the body names subgraphs, never their addresses.
 */
export function healthRoutes(endpoints: () => Readonly<Record<string, string>>): Record<string, RouteHandler> {
  return {
    '/health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/ready': async (_req, res) => {
      // The subgraphs of the supergraph served now: a reload may have changed them.
      const states = await Promise.all(Object.entries(endpoints()).map(async ([name, url]) => [name, await probe(healthUrlOf(url))] as const));
      const ready = states.every(([, state]) => state === 'ok');
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable', subgraphs: Object.fromEntries(states) });
    },
  };
}
