import type { Database } from '../../lib/db';
import { rowScope, type RequestContext, type RowScope } from '../../lib/subgraph';
import { createLoaders, type Loaders } from './data/loaders';
import type { Tables } from './data/tables';

export type Ctx = RequestContext & {
  readonly db: Database<Tables>;
  /** The payments the signed caller may see: every read, settlement and refund is limited to them. */
  readonly scope: RowScope;
  readonly loaders: Loaders;
};

/** Fresh loaders per request, so one request's cache never answers another's, nor another caller's. */
export function createContext(db: Database<Tables>, request: RequestContext): Ctx {
  const scope = rowScope(request.caller);
  return { ...request, db, scope, loaders: createLoaders(db, scope) };
}
