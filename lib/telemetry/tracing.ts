import { trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, NodeTracerProvider, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-node';

export type TracesExporter = 'none' | 'otlp' | 'console';

let tracer: Tracer | null = null;

/** The tracer LiênThông's own spans use, or null while tracing is off (nothing is then allocated per request). */
export const activeTracer = (): Tracer | null => tracer;

export interface Tracing {
  /** Sends what is still buffered and stops. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** Names the process in its traces (`service.name`, unless OTEL_SERVICE_NAME says otherwise): `gateway` or a subgraph's name. */
  service: string;
  /** OTEL_TRACES_EXPORTER. */
  exporter: TracesExporter;
  /** Spans go here instead (tests: an in-memory exporter), one by one. */
  processor?: SpanProcessor;
}

/**
 * OpenTelemetry for this process, off unless OTEL_TRACES_EXPORTER says otlp or console: a tracer
 * provider with W3C trace-context propagation, so a trace goes from the gateway's request through
 * @apollo/gateway's own spans and the signed subgraph call to each SQL statement. The OTLP exporter
 * reads the standard OTEL_EXPORTER_OTLP_* variables, the provider OTEL_TRACES_SAMPLER and the
 * span limits. Spans never carry variables, documents, personal IDs or subjects.
 */
export function startTracing({ service, exporter, processor }: TracingOptions): Tracing {
  const processors: SpanProcessor[] = processor
    ? [processor]
    : exporter === 'otlp'
      ? [new BatchSpanProcessor(new OTLPTraceExporter())]
      : exporter === 'console'
        ? [new SimpleSpanProcessor(new ConsoleSpanExporter())]
        : [];
  if (processors.length === 0) return { shutdown: async () => undefined };
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME ?? `lienthong-${service}`, 'service.namespace': 'lienthong' }),
    spanProcessors: processors,
  });
  provider.register();
  tracer = trace.getTracer('lienthong');
  return {
    shutdown: async () => {
      tracer = null;
      await provider.shutdown();
      trace.disable();
    },
  };
}
