import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from '../logging';
import { tracedRequest } from '../telemetry/http-spans';
import { corsHandler } from './cors';
import { HttpDrain, type DrainOptions, type DrainResult } from './drain';
import { attachExchange, openExchange, type Exchange, type ExchangeReport } from './exchange';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface GraphQLHttpOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  host: string;
  port: number;
  /**
   * Builds the per-request context from the request and its raw payload (the POST body, or the
   * query string of a GET), before anything executes. Throwing an error whose
   * `extensions.http.status` is set answers with that status and the error, and nothing else.
   */
  context: (req: IncomingMessage, payload: string) => Promise<Ctx>;
  /**
   * Rewrites a request before Apollo Server reads it (e.g. a document named by its hash), given
   * the parsed body of a POST or the query string of a GET; refuses it by throwing an error whose
   * `extensions.http.status` is set, like `context`.
   */
  prepare?: (request: GraphQLHttpRequest, context: Ctx) => GraphQLHttpRequest | Promise<GraphQLHttpRequest>;
  /** Extra GET routes by exact path, e.g. `/health`. */
  routes?: Record<string, RouteHandler>;
  /** Largest request body accepted (default 1 MiB). */
  maxBodyBytes?: number;
  /** Origins whose pages may call `/graphql` from a browser (CORS); none when empty or absent. */
  corsOrigins?: readonly string[];
  /** Told of every `/graphql` request once its response is done (metrics, the access log); must not throw. */
  observe?: (report: ExchangeReport<Ctx>) => void;
  /** Where a request that failed unexpectedly is logged, with its stack. */
  logger?: Logger;
}

/** A GraphQL request as it came over HTTP: a POST's parsed body, or a GET's query string. */
export interface GraphQLHttpRequest {
  body: unknown;
  search: string;
}

export interface RunningHttpServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Whether a drain has begun: `/ready` answers 503 from then on. */
  readonly draining: boolean;
  /** Stops gracefully (see HttpDrain), then stops Apollo Server. */
  drain(options: DrainOptions): Promise<DrainResult>;
  /** A drain without delay: stops accepting, and cuts what is still in flight after 10 s. */
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 10_000;

const GRAPHQL_PATH = '/graphql';
const READY_PATH = '/ready';

const answerDraining: RouteHandler = (_req, res) => sendJson(res, 503, { status: 'draining' });

/** A body over the limit; `measured` is its declared length, or what had arrived of it when it passed the limit. */
class PayloadTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly measured: number,
    declared: boolean,
  ) {
    super(`The request body is ${declared ? '' : 'at least '}${measured} bytes; the limit is ${limit}.`);
  }
}

/** The body, refused before a byte of it is read when its declared length is over the limit, else as soon as what arrives is. */
async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw new PayloadTooLarge(limit, declared, true);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLarge(limit, size, false);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The code of a request whose body is over the limit, named like the operation limits'. */
const REQUEST_TOO_LARGE = 'MAX_REQUEST_BYTES_LIMIT';

const graphqlError = (message: string, code: string, details: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { ...details, code } }] });

interface Refusal {
  status: number;
  headers: Iterable<[string, string]>;
  message: string;
  code: string;
  /** What else the error tells the client (a limit and the measured value, say). */
  details: Record<string, unknown>;
}

/** An error thrown before Apollo Server runs that carries its own HTTP status (e.g. 401) and perhaps headers (Retry-After). */
function refusalOf(error: unknown): Refusal | null {
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown; headers?: Iterable<[string, string]> } } }).extensions;
  const status = extensions?.http?.status;
  if (typeof status !== 'number' || typeof extensions?.code !== 'string') return null;
  const { code, http, ...details } = extensions as { code: string; http: { headers?: Iterable<[string, string]> } };
  return { status, headers: http.headers ?? [], message: (error as Error).message, code, details };
}

/** Answers an error that carries its own HTTP status; anything else is a bug and goes on up. */
function answerRefusal(res: ServerResponse, error: unknown, exchange: Exchange<unknown>): void {
  const refused = refusalOf(error);
  if (!refused) throw error;
  exchange.errorCodes = [refused.code];
  for (const [name, value] of refused.headers) res.setHeader(name, value);
  sendJson(res, refused.status, graphqlError(refused.message, refused.code, refused.details));
}

async function handleGraphQL<Ctx extends BaseContext>(options: GraphQLHttpOptions<Ctx>, req: IncomingMessage, res: ServerResponse, search: string, exchange: Exchange<Ctx>) {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let text: string;
  try {
    text = req.method === 'POST' ? await readBody(req, options.maxBodyBytes ?? 1 << 20) : '';
  } catch (error) {
    if (error instanceof PayloadTooLarge) {
      exchange.errorCodes = [REQUEST_TOO_LARGE];
      return sendJson(res, 413, graphqlError(error.message, REQUEST_TOO_LARGE, { limit: error.limit, measured: error.measured }));
    }
    throw error;
  }
  let context: Ctx;
  try {
    context = await options.context(req, req.method === 'POST' ? text : search);
  } catch (error) {
    return answerRefusal(res, error, exchange);
  }
  attachExchange(exchange, context);
  let request: GraphQLHttpRequest;
  try {
    request = { body: text && headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : text, search };
  } catch {
    exchange.errorCodes = ['BAD_REQUEST'];
    return sendJson(res, 400, graphqlError('Request body is not valid JSON.', 'BAD_REQUEST'));
  }
  try {
    if (options.prepare) request = await options.prepare(request, context);
  } catch (error) {
    return answerRefusal(res, error, exchange);
  }
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, ...request },
    context: async () => context,
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

const requestIdOf = (req: IncomingMessage) => (typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : undefined);

/**
 * Serves an Apollo Server on Node's own HTTP server: `/graphql` plus a few plain routes.
 * A thin adapter keeps the hot path free of framework middleware. While it drains, `/ready`
 * answers 503 whatever its route says.
 */
export async function listenGraphQL<Ctx extends BaseContext>(options: GraphQLHttpOptions<Ctx>): Promise<RunningHttpServer> {
  await options.apollo.start();
  const { observe, logger } = options;
  const cors = options.corsOrigins?.length ? corsHandler(options.corsOrigins) : null;
  const server = createServer((req, res) => {
    drain.track(res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === GRAPHQL_PATH) return serveGraphQL(req, res, url.search);
    const route = drain.isDraining && url.pathname === READY_PATH ? answerDraining : options.routes?.[url.pathname];
    const work = route && (req.method === 'GET' || req.method === 'HEAD') ? route(req, res) : sendJson(res, 404, { error: 'Not found' });
    Promise.resolve(work).catch((error: unknown) => failed(req, res, error));
  });
  const drain = new HttpDrain(server);
  const failed = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    logger?.error({ err: error, requestId: requestIdOf(req), path: req.url }, 'request failed unexpectedly');
    if (!res.headersSent) sendJson(res, 500, graphqlError('Internal server error.', 'INTERNAL_SERVER_ERROR'));
    else res.end();
  };
  // A CORS preflight (or a refused origin) is answered before anything else reads the request.
  const answerGraphQL = async (req: IncomingMessage, res: ServerResponse, search: string, exchange: Exchange<Ctx>) => {
    if (cors && (await cors(req, res))) return;
    await handleGraphQL(options, req, res, search, exchange);
  };
  const serveGraphQL = (req: IncomingMessage, res: ServerResponse, search: string) => {
    const exchange = openExchange<Ctx>(performance.now());
    if (observe) {
      res.once('close', () => observe({ ...exchange, status: res.statusCode, durationMs: performance.now() - exchange.startedAt }));
    }
    tracedRequest(req, res, exchange, () => {
      answerGraphQL(req, res, search, exchange).catch((error: unknown) => {
        exchange.errorCodes = ['INTERNAL_SERVER_ERROR'];
        failed(req, res, error);
      });
    });
  };
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const stop = async (drainOptions: DrainOptions) => {
    const result = await drain.drain(drainOptions);
    await options.apollo.stop();
    return result;
  };
  return {
    url: `http://${options.host}:${port}${GRAPHQL_PATH}`,
    port,
    server,
    get draining() {
      return drain.isDraining;
    },
    drain: stop,
    close: async () => {
      await stop({ delayMs: 0, timeoutMs: CLOSE_TIMEOUT_MS });
    },
  };
}
