import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { deadlineOf, SubgraphTimeout, withoutDeadline } from './resilience/call-deadline';

export type Fetcher = RemoteGraphQLDataSource['fetcher'];

export interface SubgraphConnectionOptions {
  /** Time limit of one whole call (connecting, sending and reading the answer) when the call carries no deadline of its own. */
  timeoutMs: number;
  /** Open connections kept per subgraph; calls beyond it wait for a free one. */
  maxConnectionsPerSubgraph: number;
  /**
   * How long a connection may sit unused before the gateway closes it (default 4 s, or less when
   * the subgraph's Keep-Alive header says it closes sooner). The gateway must close first: a call
   * sent just as the subgraph closes an idle connection fails with ECONNRESET.
   */
  idleMs?: number;
}

const DEFAULT_IDLE_MS = 4_000;

/** Bodies of statuses that may not carry one are dropped, as the Response constructor requires. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function responseOf(res: IncomingMessage, body: Buffer): Response {
  const headers = new Headers();
  for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
  const status = res.statusCode ?? 502;
  return new Response(NULL_BODY_STATUSES.has(status) ? null : body, { status, statusText: res.statusMessage ?? '', headers });
}

/**
 * The gateway's connections to its subgraphs: a pool of kept-alive HTTP(S) connections per
 * subgraph host, used through Node's http client. Node's fetch with `AbortSignal.timeout` cost
 * about three times the CPU per call (bench/levers.ts), and subgraph calls are most of what a
 * federated request costs the gateway. The time limit is one timer per call over the whole
 * exchange, up to the call's deadline (resilience/call-deadline.ts) or `timeoutMs`; a call that
 * runs out of time fails with `SubgraphTimeout` and has its connection destroyed, never reused.
 */
export class SubgraphConnections {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(private readonly options: SubgraphConnectionOptions) {
    const pool = { keepAlive: true, maxSockets: options.maxConnectionsPerSubgraph, scheduling: 'lifo' as const, timeout: options.idleMs ?? DEFAULT_IDLE_MS };
    this.http = new HttpAgent(pool);
    this.https = new HttpsAgent(pool);
  }

  readonly fetch: Fetcher = (url, init = {}) => {
    const target = new URL(url);
    const body = init.body ?? '';
    const deadline = deadlineOf(init.headers);
    const timeoutMs = deadline === undefined ? this.options.timeoutMs : Math.max(0, deadline - Date.now());
    const headers = withoutDeadline(init.headers);
    headers['content-length'] = String(Buffer.byteLength(body));
    const requestOptions: RequestOptions = { method: init.method ?? 'POST', headers };
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      const answer = (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(timer);
          try {
            resolve(responseOf(res, Buffer.concat(chunks)));
          } catch (error) {
            reject(error as Error);
          }
        });
      };
      const request = this.send(target, requestOptions, answer);
      // Declared after the request so a request that cannot even be made leaves no timer behind.
      const timer = setTimeout(() => request.destroy(new SubgraphTimeout(`no answer within ${timeoutMs} ms`)), timeoutMs);
      request.on('error', fail);
      request.end(body);
    });
  };

  private send(target: URL, options: RequestOptions, answer: (res: IncomingMessage) => void): ClientRequest {
    if (target.protocol === 'https:') return httpsRequest(target, { ...options, agent: this.https }, answer);
    return httpRequest(target, { ...options, agent: this.http }, answer);
  }

  /** Closes the idle connections and every later one as soon as its call ends. */
  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
