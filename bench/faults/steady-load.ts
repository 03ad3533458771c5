import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One request of the steady load: when it was sent and answered (ms since the load began), and what came back. */
export interface Sample {
  start: number;
  end: number;
  /** whole: every field; partial: data with errors at paths (a subgraph down); failed: anything else. */
  kind: 'whole' | 'partial' | 'failed';
  /** The HTTP status (0: no answer) and the codes of the errors. */
  status: number;
  codes: string[];
}

export interface SteadyLoad {
  /** ms since the load began. */
  now(): number;
  readonly samples: readonly Sample[];
  stop(): Promise<void>;
}

const kindOf = (status: number, body: { data?: unknown; errors?: { path?: unknown }[] } | null): Sample['kind'] => {
  if (status !== 200 || !body?.data) return 'failed';
  if (!body.errors?.length) return 'whole';
  return body.errors.every((error) => Array.isArray(error.path)) ? 'partial' : 'failed';
};

/**
 * `clients` callers, each on its own kept-alive connection, sending one request after another
 * (cycling through `bodies`) until stopped; every answer is kept as a sample.
 */
export function steadyLoad(url: string, headers: Record<string, string>, bodies: readonly string[], clients: number): SteadyLoad {
  const began = performance.now();
  const now = () => performance.now() - began;
  const samples: Sample[] = [];
  let running = true;
  const send = (agent: Agent, body: string) =>
    new Promise<Sample>((resolve) => {
      const start = now();
      const done = (status: number, text: string) => {
        let parsed: Parameters<typeof kindOf>[1] = null;
        try {
          parsed = JSON.parse(text) as Parameters<typeof kindOf>[1];
        } catch {
          // an error page: failed
        }
        const codes = (parsed?.errors ?? []).map((error) => String((error as { extensions?: { code?: unknown } }).extensions?.code ?? 'NONE'));
        resolve({ start, end: now(), kind: kindOf(status, parsed), status, codes: [...new Set(codes)] });
      };
      const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(res.statusCode ?? 0, Buffer.concat(chunks).toString()));
        res.on('error', () => done(0, ''));
      });
      req.on('error', () => done(0, ''));
      req.end(body);
    });
  const loops = Array.from({ length: clients }, async (_, client) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = client; running; i += clients) samples.push(await send(agent, bodies[i % bodies.length]!));
    agent.destroy();
  });
  return {
    now,
    samples,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
