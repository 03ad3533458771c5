import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DELEGATION_HEADER, headerReader, unauthenticated, verifyDelegationGrant, type Caller } from '../../lib/auth';
import { requestContextFrom } from '../../lib/subgraph';
import type { GatewayContext } from '../gateway-context';

/**
 * Who is asking: a client with a bearer token, or a subgraph presenting the delegation grant the
 * gateway gave it with a mutation. A grant is verified with the gateway's own key and makes the
 * request the original caller's (same scopes, jurisdiction and purpose) under the original
 * request id, so its reads follow the normal rules and land in the audit log beside the mutation.
 */
export async function gatewayContextOf(req: IncomingMessage, authenticate: (req: IncomingMessage) => Promise<Caller>, grantKey: KeyObject): Promise<GatewayContext> {
  const grant = headerReader(req)(DELEGATION_HEADER);
  if (grant === undefined) return { requestId: requestContextFrom(req).requestId, caller: await authenticate(req), delegatedTo: null };
  if (req.headers.authorization !== undefined) throw unauthenticated('send a bearer token or a delegation grant, not both');
  const { caller, requestId, audience } = verifyDelegationGrant(grantKey, grant);
  return { requestId, caller, delegatedTo: audience };
}
