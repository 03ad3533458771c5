import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { startTracing, type Tracing } from '../../lib/telemetry';
import { startTestGraph, type TestGraph } from '../support/test-graph';

/*
 * One trace from the client's request to each SQL statement: the gateway's server span,
 * @apollo/gateway's own spans, the signed subgraph calls (W3C traceparent), each subgraph's server
 * span and its statements — and no personal data or variables in any of them.
 */

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let graph: TestGraph;
let personalId: string;

beforeAll(async () => {
  tracing = startTracing({ service: 'test', exporter: 'none', processor: new SimpleSpanProcessor(exporter) });
  graph = await startTestGraph(300);
  [{ personal_id: personalId }] = (await graph.subgraphs.payments!.db.pool.query('SELECT payer_id AS personal_id FROM payments LIMIT 1')).rows as [{ personal_id: string }];
});
afterAll(async () => {
  await graph.stop();
  await tracing.shutdown();
});

const childrenOf = (spans: ReadableSpan[], parent: ReadableSpan) => spans.filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

test('a citizen profile is one trace: gateway request → @apollo/gateway fetches → subgraph requests → SQL statements', async () => {
  exporter.reset();
  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
  const response = await fetch(graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token({ role: 'auditor', scopes: ['residents:read', 'payments:read'], purpose: 'trace test' })}`, traceparent },
    body: JSON.stringify({ query: 'query TracedProfile($id: PersonalId!) { citizen(personalId: $id) { fullName payments { amount } } }', variables: { id: personalId } }),
  });
  expect(response.status).toBe(200);
  // The last spans end as the responses close.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === '0af7651916cd43dd8448eb211c80319c');

  const servers = spans.filter((span) => span.name === 'POST /graphql');
  const gateway = servers.find((span) => span.parentSpanContext?.spanId === 'b7ad6b7169203331')!;
  expect(gateway.attributes).toMatchObject({ 'graphql.operation.name': 'TracedProfile', 'http.response.status_code': 200 });
  const fetches = spans.filter((span) => span.name === 'gateway.fetch');
  expect(fetches.map((span) => span.attributes.service).sort()).toEqual(['payments', 'residents']);
  for (const fetch of fetches) {
    const [subgraph] = childrenOf(spans, fetch).filter((span) => span.name === 'POST /graphql');
    expect(subgraph).toBeDefined();
    expect(spans.filter((span) => span.name === 'pg.query' && span.parentSpanContext?.spanId === subgraph!.spanContext().spanId).length).toBeGreaterThan(0);
  }
  // The audit record's commit is a statement of the gateway's own request.
  expect(spans.some((span) => span.name === 'pg.query' && String(span.attributes['db.query.text']).includes('audit_append'))).toBe(true);

  const everything = JSON.stringify(spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events })));
  expect(everything).not.toContain(personalId);
  expect(everything).not.toContain('trace test');
  expect(everything).not.toContain('citizen(personalId');
});
