import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

/** Headers a dashboard on another origin sends: its token, a purpose, a request id. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'x-purpose', 'x-request-id'];
/** Headers it may read back: the request id, the cost report and when to retry. */
const EXPOSED_HEADERS = ['x-request-id', 'x-lienthong-cost', 'retry-after'];

/**
 * CORS for `/graphql`: a page served from one of `origins` (exact `scheme://host[:port]`) may call
 * the gateway with its token; any other origin gets no CORS headers, so browsers keep it from
 * reading answers. Tokens travel in the Authorization header, never in cookies, so credentials
 * stay off. Answers a preflight itself (204) and says so.
 */
export function corsHandler(origins: readonly string[]): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const allowed = new Set(origins);
  const middleware = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  return (req, res) =>
    new Promise((resolve, reject) => {
      middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve(false)));
      // The origin check is synchronous: a preflight has been answered by now, and `next` not called.
      if (res.writableEnded) resolve(true);
    });
}
