import type { Database } from '../../lib/db';
import { rowScope, type RequestContext, type RowScope } from '../../lib/subgraph';
import { createLoaders, type Loaders } from './data/loaders';
import type { Tables } from './data/tables';

export type Ctx = RequestContext & {
  readonly db: Database<Tables>;
  readonly loaders: Loaders;
  /** The rows the signed caller may see; every query of civil servants filters by it. */
  readonly scope: RowScope;
};

/** Fresh loaders for every request, so nothing cached, nor the caller it was read for, outlives the request. */
export function createContext(db: Database<Tables>, request: RequestContext): Ctx {
  const scope = rowScope(request.caller);
  return { ...request, db, scope, loaders: createLoaders(db, scope) };
}
