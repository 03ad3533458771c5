import type { Caller } from '../lib/auth';

/** What the gateway knows of a request once its token (or delegation grant) is verified. */
export interface GatewayContext {
  readonly requestId: string;
  readonly caller: Caller;
  /**
   * Set when a subgraph sent this request under a delegation grant, to check a reference while it
   * runs a mutation: the subgraph the grant was given to. Such a request may only read, and never
   * gets a grant of its own.
   */
  readonly delegatedTo: string | null;
}

/** What each subgraph call of one execution sees: the request, and where the citizens the subgraphs served are collected. */
export interface SubgraphCallContext extends GatewayContext {
  readonly accessedCitizens: Set<string>;
  /** When the operation's time runs out (epoch ms): no subgraph call outlives it (OPERATION_TIMEOUT_MS). */
  readonly deadline: number;
}
