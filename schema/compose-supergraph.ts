import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../lib/subgraph';
import { defaultSubgraphUrl } from './default-subgraph-url';

/** What composition needs of a subgraph: its name and its schema (no database). */
export type ComposableSubgraph = Pick<SubgraphDefinition, 'name' | 'buildSchema'>;

export interface ComposedGraph {
  supergraphSdl: string;
  /** Each subgraph's printed SDL, by subgraph name. */
  subgraphSdls: Record<string, string>;
  /** Composition hints (warnings that do not stop composition). */
  hints: string[];
}

/** Raised when the subgraphs do not compose; `problems` holds one message per composition error. */
export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`The subgraphs do not compose:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/**
 * Builds every subgraph's schema in-process and composes the supergraph, the same way
 * `npm run compose` does, so tests can compose a graph without files or processes.
 * `urlOf` gives the routing URL written into the supergraph (only a default: the gateway's
 * configuration overrides it).
 */
export async function composeSupergraph(
  definitions: readonly ComposableSubgraph[],
  urlOf: (name: string) => string = defaultSubgraphUrl,
): Promise<ComposedGraph> {
  const subgraphSdls: Record<string, string> = {};
  for (const definition of definitions) {
    subgraphSdls[definition.name] = printSubgraphSchema(await definition.buildSchema());
  }
  const result = composeServices(
    Object.entries(subgraphSdls).map(([name, sdl]) => ({ name, url: urlOf(name), typeDefs: parse(sdl) })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return { supergraphSdl: result.supergraphSdl, subgraphSdls, hints: result.hints.map((hint) => hint.toString()) };
}
