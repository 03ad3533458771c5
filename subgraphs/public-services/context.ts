import { scopedContext, type ScopedContext } from '../../lib/subgraph';
import { createLoaders, type Loaders } from './data/loaders';
import type { PublicServicesTables } from './data/tables';

export type PublicServicesContext = ScopedContext<PublicServicesTables, Loaders>;

export const createContext = scopedContext(createLoaders);
