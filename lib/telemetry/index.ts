export { startTracing, activeTracer, type Tracing, type TracesExporter } from './tracing';
export { TracedClient } from './traced-client';
export { tracedRequest, injectTraceContext } from './http-spans';
