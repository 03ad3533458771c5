import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with the next requests. */
export type Fault =
  | { kind: 'pass' }
  /** Holds each request this long before passing it on. */
  | { kind: 'delay'; ms: number }
  /** Answers with this status (and Retry-After, if given); `forward` passes the request on first, so the subgraph still sees it. */
  | { kind: 'status'; status: number; retryAfter?: string; forward?: boolean }
  /** Closes the connection without an answer. */
  | { kind: 'reset' };

export interface FaultProxy {
  /** The proxy's GraphQL URL, in place of the subgraph's. */
  readonly url: string;
  /** Requests the proxy received, with their bodies. */
  readonly received: { body: string }[];
  /** Sets the fault for the next `times` requests (all of them when omitted) whose body contains `matching`; the others pass. */
  inject(fault: Fault, times?: number, matching?: string): void;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * A real HTTP proxy in front of a subgraph that fails as told: slow, answering an error status,
 * or dropping the connection — what a dying subgraph or its load balancer does. Tests point the
 * gateway at it instead of the subgraph.
 */
export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const received: { body: string }[] = [];
  let fault: Fault = { kind: 'pass' };
  let remaining = Infinity;
  let matching = '';

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = httpRequest(target, { method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, async (res) => {
        resolve({ status: res.statusCode ?? 502, headers: res.headers, body: await readBody(res) });
      });
      out.on('error', reject);
      out.end(body);
    });

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    received.push({ body: body.toString() });
    const applies = remaining > 0 && body.includes(matching);
    const now = applies ? fault : ({ kind: 'pass' } as Fault);
    if (applies) remaining -= 1;
    if (now.kind === 'reset') return req.socket.destroy();
    if (now.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, now.ms));
    if (now.kind === 'status') {
      if (now.forward) await forward(req, body);
      res.writeHead(now.status, { 'content-type': 'text/plain', ...(now.retryAfter !== undefined && { 'retry-after': now.retryAfter }) });
      return res.end('upstream unavailable');
    }
    const answer = await forward(req, body);
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };

  const server = createServer((req, res) => {
    serve(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`,
    received,
    inject(next, times = Infinity, only = '') {
      fault = next;
      remaining = times;
      matching = only;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
