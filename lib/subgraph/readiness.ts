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

/**
 * A subgraph's health routes: `/health` says the process runs (an orchestrator restarts it when
 * not); `/ready` says it can serve: its database answered a trivial statement within a second (a
 * frozen or unreachable database turns it 503, and so does a drain, in lib/http).
 */
export function subgraphHealthRoutes(subgraph: string, db: Database<unknown>): Record<string, RouteHandler> {
  return {
    '/health': (_req, res) => sendJson(res, 200, { status: 'ok', subgraph }),
    '/ready': async (_req, res) => {
      const ready = await answersWithin(() => db.pool.query('SELECT 1'), READY_PROBE_MS);
      sendJson(res, ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable', subgraph, database: ready ? 'ok' : 'unavailable' });
    },
  };
}
