import { collectDefaultMetrics, register } from 'prom-client';
import { sendJson, type RouteHandler } from '../http';

let processMetrics = false;

/** Node's own metrics (CPU, memory, event-loop lag, handles, GC), collected once per process under their standard names. */
function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics();
}

/** `/metrics`: every metric of this process, in Prometheus' text format. */
export function metricsRoute(): RouteHandler {
  collectProcessMetrics();
  return async (_req, res) => {
    try {
      const text = await register.metrics();
      res.writeHead(200, { 'content-type': register.contentType, 'content-length': Buffer.byteLength(text) });
      res.end(text);
    } catch {
      sendJson(res, 500, { error: 'metrics could not be collected' });
    }
  };
}
