import type { KeyObject } from 'node:crypto';
import { issueDelegationGrant } from '../../lib/auth';
import type { GatewayContext } from '../gateway-context';

const MUTATION = /^\s*mutation\b/;

/**
 * The delegation grant a subgraph call carries, or null. Only a mutation gets one, since only a
 * change needs references checked; a call made for a request that itself came under a grant
 * never does, so grants cannot be chained into longer-lived or wider ones.
 */
export function grantFor(signingKey: KeyObject, context: GatewayContext, identity: string, subgraph: string, operation: string | undefined): string | null {
  if (context.delegatedTo !== null || !operation || !MUTATION.test(operation)) return null;
  return issueDelegationGrant(signingKey, { identity, requestId: context.requestId, audience: subgraph });
}
