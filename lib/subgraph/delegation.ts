import type { KeyObject } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { DELEGATION_HEADER, IDENTITY_HEADERS, MAX_SKEW_MS, unauthenticated, verifyDelegationGrant, type HeaderReader } from '../auth';
import { gatewayLookups, type GatewayLookups } from './gateway-lookups';
import type { RequestContext } from './request-context';

export interface GrantCheck {
  /** This subgraph's name: a grant given to another one is refused. */
  subgraph: string;
  requestId: string;
  verifyKey: KeyObject;
  gatewayUrl: () => string;
  /** Longest wait for one look-up through the gateway. */
  lookupTimeoutMs?: number;
}

/**
 * The look-ups a signed request may make at the gateway: none without a delegation grant; with
 * one, only if the gateway gave it to this subgraph, for this request and this caller.
 */
export function lookupsOf(header: HeaderReader, { subgraph, requestId, verifyKey, gatewayUrl, lookupTimeoutMs }: GrantCheck): GatewayLookups | null {
  const grant = header(DELEGATION_HEADER);
  if (grant === undefined) return null;
  // The gateway checks the expiry on its own clock when the grant is used; here it only has to be plausible.
  const verified = verifyDelegationGrant(verifyKey, grant, Date.now() - MAX_SKEW_MS);
  if (verified.audience !== subgraph) throw unauthenticated('the delegation grant was given to another subgraph');
  if (verified.identity !== header(IDENTITY_HEADERS.identity) || verified.requestId !== requestId) {
    throw unauthenticated('the delegation grant was given for another request');
  }
  return gatewayLookups({ gatewayUrl, grant, requestId, timeoutMs: lookupTimeoutMs });
}

/** The look-ups of a mutation in hand (`mutationsNeedGrant` has refused every mutation without them). */
export function lookupsIn(context: RequestContext): GatewayLookups {
  if (!context.lookups) throw unauthenticated('subgraphs run mutations only with the gateway\'s delegation grant');
  return context.lookups;
}

/**
 * A subgraph changes data only for a mutation the gateway forwarded with its grant: a request that
 * reached the subgraph any other way (even one signed by the gateway) is refused before it runs.
 */
export function mutationsNeedGrant<Ctx extends RequestContext>(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation' && contextValue.lookups === null) {
            throw unauthenticated('subgraphs run mutations only with the gateway\'s delegation grant');
          }
        },
      };
    },
  };
}
