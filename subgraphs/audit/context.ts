import type { Database } from '../../lib/db';
import type { RequestContext } from '../../lib/subgraph';
import { createLoaders, type Loaders } from './data/loaders';
import type { Tables } from './data/tables';

export type Ctx = RequestContext & {
  readonly db: Database<Tables>;
  readonly loaders: Loaders;
};

/** Fresh loaders per request, so one request's cache never answers another's. */
export function createContext(db: Database<Tables>, request: RequestContext): Ctx {
  return { ...request, db, loaders: createLoaders(db) };
}
