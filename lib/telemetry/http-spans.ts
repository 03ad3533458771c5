import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { activeTracer } from './tracing';

interface Outcome {
  operationName: string | null;
  errorCodes: readonly string[];
  traceId?: string;
}

/**
 * Runs `handle` inside a server span for one GraphQL request, continuing the trace its
 * `traceparent` header names (the gateway's, for a subgraph); the span ends with the response and
 * notes the status, the operation's name and the answer's error codes. With tracing off it just runs.
 */
export function tracedRequest(req: IncomingMessage, res: ServerResponse, outcome: Outcome, handle: () => void): void {
  const tracer = activeTracer();
  if (!tracer) return handle();
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer.startSpan('POST /graphql', { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'POST', 'url.path': '/graphql' } }, parent);
  outcome.traceId = span.spanContext().traceId;
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (outcome.operationName) span.setAttribute('graphql.operation.name', outcome.operationName);
    if (outcome.errorCodes.length > 0) span.setAttribute('lienthong.error_codes', [...outcome.errorCodes]);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), handle);
}

/** Adds the active span's `traceparent` (W3C trace context) to a subgraph call's headers; nothing while tracing is off. */
export function injectTraceContext(set: (name: string, value: string) => void): void {
  if (!activeTracer()) return;
  propagation.inject(context.active(), undefined, { set: (_carrier, name, value) => set(name, value) });
}
