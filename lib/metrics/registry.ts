import { Counter, Gauge, Histogram, register, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration } from 'prom-client';

/*
 * Every process keeps its metrics in prom-client's default registry and serves them at /metrics.
 * A metric is made once per process and found again by name (a test process runs the gateway and
 * every subgraph together), so each module asks for its metrics with these and never registers
 * one twice.
 */

const existing = <M>(name: string): M | undefined => register.getSingleMetric(name) as M | undefined;

export const counter = <L extends string>(config: CounterConfiguration<L>): Counter<L> => existing<Counter<L>>(config.name) ?? new Counter(config);

export const gauge = <L extends string>(config: GaugeConfiguration<L>): Gauge<L> => existing<Gauge<L>>(config.name) ?? new Gauge(config);

export const histogram = <L extends string>(config: HistogramConfiguration<L>): Histogram<L> => existing<Histogram<L>>(config.name) ?? new Histogram(config);

/** Latency buckets in seconds, from a cached answer (1 ms) to a request cut by its timeout (20 s). */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

/** Sizes of batches: records per audit transaction, keys per DataLoader batch. */
export const SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
