import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

// bigint counts and VND sums fit in a double long before they leave the safe-integer range.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// A calendar date is a date, not a midnight in some time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** An open database: typed queries through Kysely, raw access through the pool, and a statement counter. */
export interface Database<Tables> {
  readonly name: string;
  readonly kysely: Kysely<Tables>;
  readonly pool: pg.Pool;
  /** Statements sent through Kysely since the database was opened (batching tests read it). */
  readonly statements: { count: number };
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  url: string;
  poolSize?: number;
}

export function openDatabase<Tables>({ url, poolSize = 10 }: OpenDatabaseOptions): Database<Tables> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not take the process down with it.
  pool.on('error', () => undefined);
  const statements = { count: 0 };
  const kysely = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query' || event.level === 'error') statements.count += 1;
    },
  });
  return {
    name: new URL(url).pathname.slice(1),
    kysely,
    pool,
    statements,
    close: () => kysely.destroy(),
  };
}
