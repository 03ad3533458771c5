import type { Database } from '../db';
import { rowScope, type RowScope } from './jurisdiction';
import type { RequestContext } from './request-context';

/** The context of a subgraph whose rows are limited to the caller's jurisdiction. */
export type ScopedContext<Tables, Loaders> = RequestContext & {
  readonly db: Database<Tables>;
  /** The rows the signed caller may see: every query of the subgraph's people filters by it. */
  readonly scope: RowScope;
  readonly loaders: Loaders;
};

/**
 * A subgraph's `createContext`: the caller's row scope, and fresh loaders made for it on every
 * request, so nothing cached, nor the caller it was read for, outlives the request.
 */
export const scopedContext =
  <Tables, Loaders>(createLoaders: (db: Database<Tables>, scope: RowScope) => Loaders) =>
  (db: Database<Tables>, request: RequestContext): ScopedContext<Tables, Loaders> => {
    const scope = rowScope(request.caller);
    return { ...request, db, scope, loaders: createLoaders(db, scope) };
  };
