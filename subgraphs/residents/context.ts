import { scopedContext, type ScopedContext } from '../../lib/subgraph';
import { createLoaders, type ResidentsLoaders } from './data/loaders';
import type { ResidentsTables } from './data/tables';

export type ResidentsContext = ScopedContext<ResidentsTables, ResidentsLoaders>;

export const createContext = scopedContext(createLoaders);
