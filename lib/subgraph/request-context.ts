import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Caller } from '../auth/caller';
import type { GatewayLookups } from './gateway-lookups';

export type { Caller };

/** What every subgraph resolver can rely on, whatever the subgraph. */
export interface RequestContext {
  readonly requestId: string;
  /** The verified caller: in a subgraph, only ever the identity the gateway signed. */
  readonly caller: Caller | null;
  /** Personal IDs whose personal data this request read, reported to the gateway for the audit log. */
  readonly accessedCitizens: Set<string>;
  /** Look-ups at the gateway as the caller: only for a mutation the gateway forwarded with its delegation grant. */
  readonly lookups: GatewayLookups | null;
}

export const REQUEST_ID_HEADER = 'x-request-id';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function requestContextFrom(req: IncomingMessage, caller: Caller | null = null): RequestContext {
  const given = req.headers[REQUEST_ID_HEADER];
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  return { requestId, caller, accessedCitizens: new Set(), lookups: null };
}
