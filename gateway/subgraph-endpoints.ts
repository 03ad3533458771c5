import { Supergraph } from '@apollo/federation-internals';
import { subgraphEnvName, subgraphSettings } from '../lib/config';

/** Configuration names a subgraph the supergraph does not have: a mismatch the operator fixes. */
export class UnknownSubgraphError extends Error {
  override readonly name = 'UnknownSubgraphError';
}

/**
 * The subgraphs a supergraph routes to, each with its effective GraphQL URL: the one its
 * `join__graph` gives, unless `overrides` (SUBGRAPH_URL_<NAME>) names it. Overrides may be keyed by
 * the subgraph's name (`civil-servants`) or by the `<NAME>` of its variable (`CIVIL_SERVANTS`);
 * one for a subgraph the supergraph does not have is refused, naming its variable.
 */
export function subgraphEndpoints(supergraphSdl: string, overrides: Readonly<Record<string, string>>): Record<string, string> {
  // Only the join__Graph list is read here; @apollo/gateway validates the supergraph itself.
  const listed = Supergraph.build(supergraphSdl, { supportedFeatures: null, validateSupergraph: false }).subgraphsMetadata();
  const given = new Map(Object.entries(overrides).map(([key, url]) => [subgraphEnvName(key), url]));
  const known = new Set(listed.map(({ name }) => subgraphEnvName(name)));
  const unknown = [...given.keys()].filter((key) => !known.has(key));
  if (unknown.length > 0) {
    const variables = unknown.map((key) => subgraphSettings.url.of(key).env);
    throw new UnknownSubgraphError(`${variables.join(', ')} name${unknown.length === 1 ? 's a subgraph' : ' subgraphs'} the supergraph does not route to (it has ${listed.map(({ name }) => name).join(', ')}).`);
  }
  return Object.fromEntries(listed.map(({ name, url }) => [name, given.get(subgraphEnvName(name)) ?? url]));
}
