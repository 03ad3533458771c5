import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Balancer {
  readonly url: string;
  close(): Promise<void>;
}

/** How often each gateway's /ready is asked, as a load balancer's health check would. */
const PROBE_MS = 250;

/**
 * A round-robin load balancer in front of the gateway replicas, as production has one: it sends
 * requests only to gateways whose `/ready` answers 200 (asked every 250 ms), and to all of them
 * when none does (fail open, as most load balancers do). It never retries: what a gateway fails,
 * the client sees.
 */
export async function startBalancer(upstreams: readonly string[]): Promise<Balancer> {
  const origins = upstreams.map((url) => new URL(url).origin);
  const ready = new Map(origins.map((origin) => [origin, true]));
  const agents = new Map(origins.map((origin) => [origin, new Agent({ keepAlive: true, maxSockets: 64 })]));
  let next = 0;
  const probes = setInterval(() => {
    for (const origin of origins) {
      fetch(`${origin}/ready`, { signal: AbortSignal.timeout(PROBE_MS * 4) }).then(
        async (response) => {
          await response.body?.cancel();
          ready.set(origin, response.status === 200);
        },
        () => ready.set(origin, false),
      );
    }
  }, PROBE_MS);

  const choose = () => {
    const healthy = origins.filter((origin) => ready.get(origin));
    const pool = healthy.length > 0 ? healthy : origins;
    next = (next + 1) % pool.length;
    return pool[next]!;
  };

  const proxy = (req: IncomingMessage, res: ServerResponse) => {
    const origin = choose();
    const { connection: _hop, ...headers } = req.headers;
    const upstream = request(`${origin}${req.url}`, { method: req.method, headers, agent: agents.get(origin) }, (answer) => {
      const { connection: _close, ...answerHeaders } = answer.headers;
      res.writeHead(answer.statusCode ?? 502, answerHeaders);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    req.pipe(upstream);
  };

  const server = createServer(proxy);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      clearInterval(probes);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      for (const agent of agents.values()) agent.destroy();
    },
  };
}
