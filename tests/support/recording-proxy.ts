import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it crossed the wire: what someone on the gateway–subgraph network could copy. */
export interface RecordedRequest {
  headers: Record<string, string>;
  body: string;
}

export interface RecordingProxy {
  /** The proxy's GraphQL URL, to give the gateway instead of the subgraph's. */
  url: string;
  readonly recorded: RecordedRequest[];
  close(): Promise<void>;
}

const forwardable = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).flatMap(([name, value]) => (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name) ? [[name, value]] : [])));

/** Passes every request on to `target` unchanged and keeps a copy of it. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const recorded: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { headers: forwardable(req.headers), body: Buffer.concat(chunks).toString('utf8') };
    recorded.push(request);
    const answer = await fetch(target, { method: req.method, headers: request.headers, body: req.method === 'POST' ? request.body : undefined });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    recorded,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
