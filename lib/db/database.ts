import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { observePool } from '../metrics/pool-metrics';
import { TracedClient } from '../telemetry/traced-client';

// bigint counts and VND sums fit in a double long before they leave the safe-integer range.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// A calendar date is a date, not a midnight in some time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** An open database: typed queries through Kysely, raw access through the pool, and a statement counter. */
export interface Database<Tables> {
  readonly name: string;
  /** Where it is (credentials included: never logged), to open it again with other options. */
  readonly url: string;
  readonly kysely: Kysely<Tables>;
  readonly pool: pg.Pool;
  /** Statements sent through Kysely since the database was opened (batching tests read it). */
  readonly statements: { count: number };
  close(): Promise<void>;
}

/** What bounds every wait on the database: a process serving requests never waits longer. */
export interface DatabaseTimeouts {
  /** Longest a statement may run or wait for a lock (PostgreSQL's statement_timeout and lock_timeout). */
  statementMs: number;
  /** Longest wait for a connection: a free one from the pool, or a new one. */
  acquireMs: number;
}

/**
 * A server that stops answering altogether (frozen, or cut off) cannot enforce its own timeout: the
 * client gives up on a statement this much later than the server would have.
 */
const SILENT_SERVER_GRACE_MS = 1_000;

export interface OpenDatabaseOptions {
  url: string;
  poolSize?: number;
  /** Unset: no limits, for migrations, seeding and bulk loads, which may rightly run for minutes. */
  timeouts?: DatabaseTimeouts;
}

const poolConfig = (url: string, max: number, timeouts: DatabaseTimeouts | undefined): pg.PoolConfig => ({
  connectionString: url,
  max,
  // Each statement a span when tracing is on.
  Client: TracedClient,
  ...(timeouts && {
    connectionTimeoutMillis: timeouts.acquireMs,
    statement_timeout: timeouts.statementMs,
    lock_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + SILENT_SERVER_GRACE_MS,
  }),
});

export function openDatabase<Tables>({ url, poolSize = 10, timeouts }: OpenDatabaseOptions): Database<Tables> {
  const pool = new pg.Pool(poolConfig(url, poolSize, timeouts));
  // An idle client that loses its server must not take the process down with it.
  pool.on('error', () => undefined);
  const name = new URL(url).pathname.slice(1);
  const forget = observePool(pool, name);
  const statements = { count: 0 };
  const kysely = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query' || event.level === 'error') statements.count += 1;
    },
  });
  return {
    name,
    url,
    kysely,
    pool,
    statements,
    close: async () => {
      forget();
      await kysely.destroy();
    },
  };
}
