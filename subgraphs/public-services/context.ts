import type { Database } from '../../lib/db';
import type { RequestContext } from '../../lib/subgraph';
import { createLoaders, type Loaders } from './data/loaders';
import type { PublicServicesTables } from './data/tables';

export type PublicServicesContext = RequestContext & {
  readonly db: Database<PublicServicesTables>;
  readonly loaders: Loaders;
};

export const createContext = (db: Database<PublicServicesTables>, request: RequestContext): PublicServicesContext => ({
  ...request,
  db,
  loaders: createLoaders(db),
});
