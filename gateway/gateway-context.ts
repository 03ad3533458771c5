import type { Caller } from '../lib/auth';

/** What the gateway knows of a request once its token is verified. */
export interface GatewayContext {
  readonly requestId: string;
  readonly caller: Caller;
}

/** What each subgraph call of one execution sees: the request, and where the citizens the subgraphs served are collected. */
export interface SubgraphCallContext extends GatewayContext {
  readonly accessedCitizens: Set<string>;
}
