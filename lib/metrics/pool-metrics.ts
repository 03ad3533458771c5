import type pg from 'pg';
import { gauge } from './registry';

const pools = new Map<pg.Pool, string>();

/** Connections of every observed pool, read when /metrics is collected (nothing on the query path). */
gauge({
  name: 'lienthong_db_pool_connections',
  help: 'Connections of each database pool: total open, idle, and requests waiting for one',
  labelNames: ['database', 'state'] as const,
  collect() {
    this.reset();
    for (const [pool, database] of pools) {
      this.set({ database, state: 'total' }, pool.totalCount);
      this.set({ database, state: 'idle' }, pool.idleCount);
      this.set({ database, state: 'waiting' }, pool.waitingCount);
    }
  },
});

/** Reports a pool's usage under `database`; call what it returns when the pool is ended. */
export function observePool(pool: pg.Pool, database: string): () => void {
  pools.set(pool, database);
  return () => pools.delete(pool);
}
