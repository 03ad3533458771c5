import { scopedContext, type ScopedContext } from '../../lib/subgraph';
import { createLoaders, type Loaders } from './data/loaders';
import type { Tables } from './data/tables';

export type Ctx = ScopedContext<Tables, Loaders>;

export const createContext = scopedContext(createLoaders);
