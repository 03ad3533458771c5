import { SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import pg from 'pg';
import { activeTracer } from './tracing';

type QueryArgs = Parameters<pg.Client['query']>;
type Callback = (error: Error | null, result?: unknown) => void;

const ended = (span: Span, error?: unknown) => {
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string }).code ?? 'error' });
  span.end();
};

/**
 * The client of every LiênThông pool. Its statements are spans (`db.query.text`: the statement
 * with its placeholders, never the values bound to them), children of whatever span is active: a
 * subgraph's request, and so the gateway's trace; with tracing off they go straight to pg. Streams
 * (COPY) are not traced.
 *
 * And it never takes the process down: pg emits 'error' on a client whose server went away, and
 * while a client is checked out of its pool (Kysely holds one through a request) nobody listens,
 * so a PostgreSQL restart crashed every subgraph. The statement in flight fails on its own, and the
 * pool drops the broken client when it comes back.
 */
export class TracedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }

  override query(...args: unknown[]): never {
    const tracer = activeTracer();
    const [config] = args as [unknown];
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
    const query = (super.query as (...a: unknown[]) => unknown).bind(this);
    if (!tracer || typeof text !== 'string' || typeof (config as { submit?: unknown })?.submit === 'function') return query(...args) as never;
    const span = tracer.startSpan('pg.query', {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'postgresql', 'db.namespace': this.database ?? '', 'db.query.text': text },
    });
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const callback = last as Callback;
      return query(...args.slice(0, -1), (error: Error | null, result?: unknown) => {
        ended(span, error);
        callback(error, result);
      }) as never;
    }
    const result = query(...(args as QueryArgs)) as Promise<unknown>;
    result.then(
      () => ended(span),
      (error: unknown) => ended(span, error),
    );
    return result as never;
  }
}
