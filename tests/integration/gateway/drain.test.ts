import { Agent, request } from 'node:http';
import type { RunningGateway } from '../../../gateway/start-gateway';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { EVERY_FIXTURE_SCOPE, useFixtureGraph } from './fixtures/fixture-graph';

/*
 * A deploy drains without failing requests: on drain the gateway turns /ready to 503, answers
 * every request it still gets with `Connection: close` (so kept-alive clients finish and move on),
 * stops accepting after the delay, finishes what is in flight, then closes.
 */

const graph = useFixtureGraph();
const PROFILE = '{ citizen(personalId: "001090000001") { fullName job { title } } }';
const WHOLE = { data: { citizen: { fullName: 'Nguyễn Văn An', job: { title: 'Chuyên viên' } } } };
/** A request the fault proxy can tell apart from the load: it alone asks for the salary. */
const SLOW = '{ citizen(personalId: "001090000001") { job { title monthlySalary } } }';

interface Answer {
  status: number;
  closes: boolean;
  body: unknown;
}

/** One POST over a kept-alive connection of `agent`, read whole. */
const post = (url: string, agent: Agent, headers: Record<string, string>, query = PROFILE) =>
  new Promise<Answer>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, closes: res.headers.connection === 'close', body: JSON.parse(Buffer.concat(chunks).toString()) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });

let proxy: FaultProxy;
let gateway: RunningGateway;
let headers: Record<string, string>;

beforeAll(async () => {
  proxy = await startFaultProxy(graph().jobs.url);
  headers = await graph().headers({ scopes: EVERY_FIXTURE_SCOPE, purpose: 'drain test' });
});
afterAll(() => proxy.close());

beforeEach(async () => {
  gateway = await graph().startGateway({ subgraphUrls: { people: graph().people.url, jobs: proxy.url } });
});
afterEach(() => proxy.inject({ kind: 'pass' }));

describe('Draining the gateway under load', () => {
  test('fails no request: kept-alive clients are told to close, a slow request in flight finishes, and the gateway stops accepting only after', async () => {
    const readyDuringDrain: number[] = [];
    const failures: unknown[] = [];
    let answered = 0;
    let drainStarted = false;
    // Eight clients, each on its own kept-alive connection, sending one request after another until told to close.
    const client = async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (;;) {
          const answer = await post(gateway.url, agent, headers).catch((error: unknown) => ({ status: 0, closes: true, body: String(error) }));
          if (answer.status !== 200 || JSON.stringify(answer.body) !== JSON.stringify(WHOLE)) failures.push(answer);
          answered += 1;
          if (answer.closes && drainStarted) return;
        }
      } finally {
        agent.destroy();
      }
    };
    const clients = Array.from({ length: 8 }, client);
    while (answered < 40) await new Promise((resolve) => setTimeout(resolve, 10));

    proxy.inject({ kind: 'delay', ms: 400 }, 1, 'monthlySalary');
    const slow = post(gateway.url, new Agent(), headers, SLOW);
    while (!proxy.received.some(({ body }) => body.includes('monthlySalary'))) await new Promise((resolve) => setTimeout(resolve, 5));
    drainStarted = true;
    const drained = gateway.drain({ delayMs: 300, timeoutMs: 5_000 });
    readyDuringDrain.push((await fetch(`${new URL(gateway.url).origin}/ready`)).status);

    expect(await slow).toEqual({ status: 200, closes: true, body: { data: { citizen: { job: { title: 'Chuyên viên', monthlySalary: expect.any(Number) } } } } });
    await Promise.all(clients);
    expect(await drained).toEqual({ cut: 0 });
    expect(failures).toEqual([]);
    expect(readyDuringDrain).toEqual([503]);
    await expect(fetch(`${new URL(gateway.url).origin}/health`)).rejects.toThrow();
  });

  test('a request still running when the drain timeout ends is cut, and counted', async () => {
    const before = proxy.received.length;
    proxy.inject({ kind: 'delay', ms: 1_000 }, 1);
    const stuck = post(gateway.url, new Agent(), headers).catch((error: Error) => error.message);
    while (proxy.received.length === before) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await gateway.drain({ delayMs: 0, timeoutMs: 100 })).toEqual({ cut: 1 });
    expect(await stuck).toMatch(/socket hang up|ECONNRESET/);
  });
});
