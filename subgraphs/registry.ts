import entries from './registry.json';

/** One of LiênThông's own subgraphs: its folder under subgraphs/ (and so its name) and its default port. */
export interface RegistryEntry {
  /** Kebab-case; the folder of its code, its name in the supergraph, what its database and variables are named after. */
  readonly name: string;
  /** Where it listens unless `<NAME>_PORT` says otherwise, and so the URL the composed supergraph routes to. */
  readonly port: number;
}

/**
 * LiênThông's own subgraphs, listed once (registry.json, which eslint.config.mjs reads too): the
 * launcher, the subgraph runner, ports, default URLs, database names, lint boundaries and
 * composition all derive from it. Adding a subgraph is its folder plus one entry here.
 */
export const SUBGRAPH_REGISTRY: readonly RegistryEntry[] = entries;

/** The entry of a subgraph by name, or undefined. */
export const registryEntry = (name: string): RegistryEntry | undefined => SUBGRAPH_REGISTRY.find((entry) => entry.name === name);

/** The URL a subgraph has in the committed supergraph: where `npm start` runs it. */
export const defaultSubgraphUrl = ({ port }: RegistryEntry): string => `http://127.0.0.1:${port}/graphql`;
