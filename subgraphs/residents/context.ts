import type { Database } from '../../lib/db';
import type { RequestContext } from '../../lib/subgraph';
import { createLoaders, type ResidentsLoaders } from './data/loaders';
import type { ResidentsTables } from './data/tables';

export type ResidentsContext = RequestContext & {
  readonly db: Database<ResidentsTables>;
  readonly loaders: ResidentsLoaders;
};

/** Fresh loaders for every request: their caches must never outlive it. */
export function createContext(db: Database<ResidentsTables>, request: RequestContext): ResidentsContext {
  return { ...request, db, loaders: createLoaders(db) };
}
