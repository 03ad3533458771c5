import { databaseUrl, ensureDatabase, migrateToLatest, openDatabase, type Database } from '../db';
import type { RequestContext } from './request-context';
import { databaseNameOf, type SeedOptions, type SubgraphDefinition } from './subgraph-definition';

export interface PrepareOptions {
  /** A server URL: the subgraph's own database on it is created when missing. */
  serverUrl: string;
  /** A different database name, e.g. a per-test one. Default: `lienthong_<subgraph>`. */
  databaseName?: string;
  poolSize?: number;
}

/** Creates (if missing), opens and migrates the subgraph's own database. */
export async function prepareDatabase<Tables, Ctx extends RequestContext>(
  definition: SubgraphDefinition<Tables, Ctx>,
  { serverUrl, databaseName = databaseNameOf(definition.name), poolSize }: PrepareOptions,
): Promise<Database<Tables>> {
  await ensureDatabase(serverUrl, databaseName);
  const db = openDatabase<Tables>({ url: databaseUrl(serverUrl, databaseName), poolSize });
  await migrateToLatest(db.kysely as never, definition.migrations);
  return db;
}

/** Seeds only an empty database, so restarts keep their data. Returns whether it seeded. */
export async function seedIfEmpty<Tables, Ctx extends RequestContext>(
  definition: SubgraphDefinition<Tables, Ctx>,
  db: Database<Tables>,
  options: SeedOptions,
): Promise<boolean> {
  if (!(await definition.isEmpty(db))) return false;
  await definition.seed(db, options);
  return true;
}
