export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** One HTTP exchange with the body kept as text, so tests can search all of it for leaks. */
export async function request(url: string, init: RequestInit = {}): Promise<RawResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseOrNull(text) };
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> =>
  request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Traces of internals no client response may carry: stack frames, Node error codes, addresses. */
export function leaksIn(text: string): string[] {
  const patterns: [string, RegExp][] = [
    ['a stack trace', /stacktrace|\n\s+at |\bat [\w.<>]+ \(/i],
    ['a Node error code', /ECONNREFUSED|ECONNRESET|ENOTFOUND/],
    ['an address', /127\.0\.0\.1|localhost|https?:\/\//i],
  ];
  return patterns.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}
