import type { GraphQLSchema } from 'graphql';
import type { Database, Migrations } from '../db';
import type { DataSubjects } from './field-rules';
import type { RequestContext } from './request-context';

/** What makes synthetic data reproducible: the same options give the same rows in every subgraph. */
export interface SeedOptions {
  seed: number;
  /** Number of citizens; every other table is sized from it. */
  scale: number;
  /** The day the data is generated "as of": submission dates, ages and overdue dossiers are relative to it. */
  asOf: Date;
  /** Share of rows that carry each planted data fault (lib/synthetic/faults.ts); 0 plants none. */
  faultRate: number;
}

/**
 * The small face every subgraph shows: tests compose the graph in-process from these,
 * production runs each one as its own process.
 */
export interface SubgraphDefinition<Tables = unknown, Ctx extends RequestContext = RequestContext> {
  /** Kebab-case name, e.g. `civil-servants`; also names its database and its URL variables. */
  readonly name: string;
  readonly migrations: Migrations;
  buildSchema(): Promise<GraphQLSchema>;
  createContext(db: Database<Tables>, request: RequestContext): Ctx;
  /** Whether the database holds no data yet (start-up seeds only then). */
  isEmpty(db: Database<Tables>): Promise<boolean>;
  seed(db: Database<Tables>, options: SeedOptions): Promise<void>;
  /** Whose personal data an object of each entity type is, for the audit log. */
  readonly dataSubjects?: DataSubjects;
}

/** `civil-servants` → `lienthong_civil_servants`. */
export const databaseNameOf = (subgraph: string): string => `lienthong_${subgraph.replace(/-/g, '_')}`;
