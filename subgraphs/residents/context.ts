import type { Database } from '../../lib/db';
import { rowScope, type RequestContext, type RowScope } from '../../lib/subgraph';
import { createLoaders, type ResidentsLoaders } from './data/loaders';
import type { ResidentsTables } from './data/tables';

export type ResidentsContext = RequestContext & {
  readonly db: Database<ResidentsTables>;
  readonly loaders: ResidentsLoaders;
  /** The rows the signed caller may see; every query of citizens and households filters by it. */
  readonly scope: RowScope;
};

/** Fresh loaders for every request: their caches, and the caller they were made for, must never outlive it. */
export function createContext(db: Database<ResidentsTables>, request: RequestContext): ResidentsContext {
  const scope = rowScope(request.caller);
  return { ...request, db, scope, loaders: createLoaders(db, scope) };
}
