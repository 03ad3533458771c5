import { Supergraph } from '@apollo/federation-internals';

/** Configuration names a subgraph the supergraph does not have: a mismatch the operator fixes. */
export class UnknownSubgraphError extends Error {
  override readonly name = 'UnknownSubgraphError';
}

/**
 * The subgraphs a supergraph routes to, each with its effective GraphQL URL: the one given in
 * `overrides` (configuration), else the default written into the supergraph at composition.
 */
export function subgraphEndpoints(supergraphSdl: string, overrides: Record<string, string>): Record<string, string> {
  // Only the join__Graph list is read here; @apollo/gateway validates the supergraph itself.
  const listed = Supergraph.build(supergraphSdl, { supportedFeatures: null, validateSupergraph: false }).subgraphsMetadata();
  const names = new Set(listed.map(({ name }) => name));
  const unknown = Object.keys(overrides).filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new UnknownSubgraphError(`Subgraph URLs were given for ${unknown.join(', ')}, which the supergraph does not route to (it has ${[...names].join(', ')}).`);
  }
  return Object.fromEntries(listed.map(({ name, url }) => [name, overrides[name] ?? url]));
}
