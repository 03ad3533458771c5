import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who is asking. Filled from the verified identity the gateway forwards; `null` while a
 * request carries none.
 */
export interface Caller {
  readonly subject: string;
  readonly role: string;
  readonly scopes: readonly string[];
  /** 2025 province code the caller is bound to, or `null` for national jurisdiction. */
  readonly province: string | null;
  readonly purpose: string | null;
}

/** What every subgraph resolver can rely on, whatever the subgraph. */
export interface RequestContext {
  readonly requestId: string;
  readonly caller: Caller | null;
}

export const REQUEST_ID_HEADER = 'x-request-id';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function requestContextFrom(req: IncomingMessage): RequestContext {
  const given = req.headers[REQUEST_ID_HEADER];
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  return { requestId, caller: null };
}
