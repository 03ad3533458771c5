import { formatVietnamTime } from '../../lib/graphql/scalars';
import type { GraphQLResponse } from './graphql-client';

export const errorCodes = (body: GraphQLResponse['body']): unknown[] => (body.errors ?? []).map((e) => e.extensions?.code);

/** Whether a response shows anything internal: hosts, ports, SQL, stack frames. */
export function leaksInternals(body: unknown): boolean {
  const text = JSON.stringify(body);
  return /127\.0\.0\.1|localhost|:\d{4,5}\/|\bSELECT\b|\bFROM\b.*\bWHERE\b|relation "|stacktrace|\bat [\w.]+ \(/.test(text);
}

/** An instant as a `DateTime` field shows it (Vietnam time), or null: for building expected responses. */
export const shownDateTime = (at: Date | null): string | null => (at ? formatVietnamTime(at) : null);
