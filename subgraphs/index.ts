import type { SubgraphDefinition } from '../lib/subgraph';
import { SUBGRAPH_REGISTRY } from './registry';

// Each subgraph has its own tables and context types; the registry only needs their shared face.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySubgraph = SubgraphDefinition<any, any>;

const isDefinitionOf = (name: string) => (value: unknown): value is AnySubgraph =>
  typeof value === 'object' && value !== null && (value as { name?: unknown }).name === name && typeof (value as { buildSchema?: unknown }).buildSchema === 'function';

/** The definition a registry entry's folder exports: exactly one, under the entry's name. */
function definitionIn(name: string): AnySubgraph {
  // The folder is named by the registry, not by this code: that is what makes a new subgraph one folder and one entry.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(`./${name}`) as Record<string, unknown>;
  const found = Object.values(exported).filter(isDefinitionOf(name));
  if (found.length !== 1) throw new Error(`subgraphs/${name}/index.ts must export one subgraph definition named "${name}" (it exports ${found.length})`);
  return found[0]!;
}

/** The subgraphs (four national databases and the audit log), in registry order, for the composer, the runner and the tests; processes never import each other. */
export const SUBGRAPHS: readonly AnySubgraph[] = SUBGRAPH_REGISTRY.map(({ name }) => definitionIn(name));
