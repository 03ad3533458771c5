import type { ReplayGuard } from '../auth';
import type { Database } from '../db';
import { sendJson, type RouteHandler } from '../http';

/** How long the database may take to answer a readiness probe. */
export const READY_PROBE_MS = 1_000;

/** Resolves true when `check` succeeds within `ms`, false when it fails or takes longer. */
export async function answersWithin(check: () => Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([check().then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)))]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

const stateOf = (ok: boolean) => (ok ? 'ok' : 'unavailable');

/**
 * A subgraph's health routes: `/health` says the process runs (an orchestrator restarts it when
 * not); `/ready` says it can serve: its database answered a trivial statement within a second, and
 * its nonce store (Redis, when replicas share one) answers — without it every signed request is
 * refused. A frozen or unreachable database turns it 503, and so does a drain (lib/http).
 */
export function subgraphHealthRoutes(subgraph: string, db: Database<unknown>, nonces: Pick<ReplayGuard, 'available'>): Record<string, RouteHandler> {
  return {
    '/health': (_req, res) => sendJson(res, 200, { status: 'ok', subgraph }),
    '/ready': async (_req, res) => {
      const [database, nonceStore] = await Promise.all([
        answersWithin(() => db.pool.query('SELECT 1'), READY_PROBE_MS),
        answersWithin(async () => {
          if (!(await nonces.available())) throw new Error('the nonce store does not answer');
        }, READY_PROBE_MS),
      ]);
      const ready = database && nonceStore;
      sendJson(res, ready ? 200 : 503, { status: stateOf(ready), subgraph, database: stateOf(database), nonces: stateOf(nonceStore) });
    },
  };
}
