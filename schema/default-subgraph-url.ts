import { defaultSubgraphUrl as urlOfEntry, registryEntry } from '../subgraphs/registry';

/**
 * The URL a subgraph has when nothing overrides it: where `npm start` runs it, on its port in
 * the registry (subgraphs/registry.json), so the committed supergraph matches `npm start` out of
 * the box. The gateway takes it from the supergraph's join__graph unless SUBGRAPH_URL_<NAME> says otherwise.
 */
export function defaultSubgraphUrl(name: string): string {
  const entry = registryEntry(name);
  if (!entry) throw new Error(`Subgraph "${name}" is not in subgraphs/registry.json, which gives each subgraph its port`);
  return urlOfEntry(entry);
}
