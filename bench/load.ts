import autocannon from 'autocannon';

/** Latencies in milliseconds. */
export interface Latency {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
}

export interface Errors {
  /** Responses with a status other than 2xx. */
  non2xx: number;
  /** 2xx responses whose body was none of the verified reference answers (GraphQL errors, missing or wrong data). */
  mismatched: number;
  /** Connection errors and timeouts. */
  transport: number;
  total: number;
  /** The first few mismatched bodies (up to 500 characters each), so an invalid run says what went wrong. */
  mismatchedSamples: string[];
}

const MISMATCH_SAMPLES = 3;

export interface Measurement {
  requestsPerSecond: number;
  requests: number;
  seconds: number;
  latency: Latency;
  errors: Errors;
}

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  /** Request bodies, sent in turn (one operation with different inputs). */
  bodies: readonly string[];
  connections: number;
  seconds: number;
  /** Every response must be exactly one of these (the verified answers); anything else counts as an error. */
  answers: ReadonlySet<string>;
}

const percentile = (sorted: Float64Array, p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Drives one POST at a fixed concurrency for a fixed time with autocannon. Latencies are taken
 * from every response at full precision (autocannon's own histogram keeps whole milliseconds).
 */
export async function drive({ url, headers, bodies, connections, seconds, answers }: LoadOptions): Promise<Measurement> {
  const latencies: number[] = [];
  const mismatchedSamples: string[] = [];
  let next = 0;
  const instance = autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: bodies[0],
    requests: bodies.length > 1 ? [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }] : undefined,
    connections,
    duration: seconds,
    timeout: 10,
    verifyBody: (body) => {
      if (answers.has(body)) return true;
      if (mismatchedSamples.length < MISMATCH_SAMPLES) mismatchedSamples.push(body.slice(0, 500));
      return false;
    },
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  const sorted = Float64Array.from(latencies).sort();
  const requests = sorted.length;
  const non2xx = result.non2xx;
  const transport = result.errors + result.timeouts;
  return {
    requestsPerSecond: Math.round((requests / result.duration) * 10) / 10,
    requests,
    seconds: result.duration,
    latency: {
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, requests)),
      max: round(sorted[requests - 1] ?? 0),
    },
    errors: { non2xx, mismatched: result.mismatches, transport, total: non2xx + result.mismatches + transport, mismatchedSamples },
  };
}

export interface Probe {
  status: number;
  text: string;
}

export async function probe(url: string, headers: Record<string, string>, body: string): Promise<Probe> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, text: await response.text() };
}

/** Why a GraphQL response is not a clean answer (null when it is): not 200, errors, or no data at the root field. */
export function problemWith({ status, text }: Probe): string | null {
  if (status !== 200) return `HTTP ${status}: ${text.slice(0, 300)}`;
  let json: { data?: Record<string, unknown> | null; errors?: unknown[] };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return `not JSON: ${text.slice(0, 300)}`;
  }
  if (json.errors?.length) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 300)}`;
  if (!json.data || Object.values(json.data).some((value) => value === null)) return `no data: ${text.slice(0, 300)}`;
  return null;
}

/** The response's data with object keys sorted, so answers from different gateways compare equal. */
export function canonicalData(text: string): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sort((value as Record<string, unknown>)[key])]));
    return value;
  };
  return JSON.stringify(sort((JSON.parse(text) as { data: unknown }).data));
}
