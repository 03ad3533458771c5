import type { Database } from '../../lib/db';
import type { RequestContext } from '../../lib/subgraph';
import { createLoaders, type Loaders } from './data/loaders';
import type { Tables } from './data/tables';

export type Ctx = RequestContext & {
  readonly db: Database<Tables>;
  readonly loaders: Loaders;
};

/** Fresh loaders for every request, so nothing cached outlives the request that read it. */
export const createContext = (db: Database<Tables>, request: RequestContext): Ctx => ({ ...request, db, loaders: createLoaders(db) });
