import type { GraphQLResponse } from './graphql-client';

export const errorCodes = (body: GraphQLResponse['body']): unknown[] => (body.errors ?? []).map((e) => e.extensions?.code);

/** Whether a response shows anything internal: hosts, ports, SQL, stack frames. */
export function leaksInternals(body: unknown): boolean {
  const text = JSON.stringify(body);
  return /127\.0\.0\.1|localhost|:\d{4,5}\/|\bSELECT\b|\bFROM\b.*\bWHERE\b|relation "|stacktrace|\bat [\w.]+ \(/.test(text);
}
