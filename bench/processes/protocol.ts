import type { Caller } from '../../lib/auth';

/** What the harness tells a subgraph process (as JSON in its first argument). */
export interface SubgraphProcessConfig {
  name: string;
  /** postgres:// URL of the server; the database below is created on it when missing. */
  serverUrl: string;
  databaseName: string;
  seed: { seed: number; scale: number; asOf: string };
  /** The LiênThông gateway's public key (PEM file): its signed requests are verified as in production. */
  publicKeyFile: string;
  /** What an unsigned request (from a peer gateway, or sent directly) runs as. */
  unsignedCaller: Caller;
  poolSize: number;
}

/** A subgraph process is ready: its URL, and the seconds it spent seeding (null when the data was reused). */
export interface SubgraphReady {
  type: 'ready';
  url: string;
  seededSeconds: number | null;
}

/** A gateway process (a peer started by the harness) is listening. */
export interface GatewayReady {
  type: 'ready';
  url: string;
}

/** What the harness tells a peer gateway process (as JSON in its first argument). */
export interface PeerProcessConfig {
  /** Supergraph SDL file, without the authorization links, subgraph URLs pointing at the bench's subgraphs. */
  supergraphFile: string;
  host: string;
  port: number;
  /** Where the peer is installed (its own package.json and node_modules), for peers kept out of the project's dependencies. */
  installDir?: string;
}
