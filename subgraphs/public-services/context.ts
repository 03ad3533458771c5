import type { Database } from '../../lib/db';
import { rowScope, type RequestContext, type RowScope } from '../../lib/subgraph';
import { createLoaders, type Loaders } from './data/loaders';
import type { PublicServicesTables } from './data/tables';

export type PublicServicesContext = RequestContext & {
  readonly db: Database<PublicServicesTables>;
  /** The dossiers the signed caller may see: every read and move is limited to them. */
  readonly scope: RowScope;
  readonly loaders: Loaders;
};

export function createContext(db: Database<PublicServicesTables>, request: RequestContext): PublicServicesContext {
  const scope = rowScope(request.caller);
  return { ...request, db, scope, loaders: createLoaders(db, scope) };
}
