import type { GraphQLFormattedError } from 'graphql';
import { AppError } from './app-error';
import { ErrorCodes } from './codes';
import { databaseFailureOf } from './database-errors';

/** Codes that graphql-js and Apollo Server raise themselves for malformed operations. */
const OPERATION_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** The errors an error wraps, outermost first (Apollo Server and graphql-js wrap resolver errors). */
function* causes(error: unknown): Generator<unknown> {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    yield current;
    current = (current as { originalError?: unknown }).originalError;
  }
}

/** Apollo Server re-labels scalar and variable errors; the AppError that caused one keeps the real code. */
function appErrorIn(error: unknown): AppError | undefined {
  for (const cause of causes(error)) if (cause instanceof AppError) return cause;
  return undefined;
}

/** What the client is told of an error: its code (and, for a database's failure, the message that replaces the driver's). */
export type ClientError = { masked: false; code: string; database?: { message: string } } | { masked: true };

/**
 * How an error reaches the client: registered codes and operation errors as they are; a
 * database's failure as its documented code (databaseFailureOf); anything else masked.
 */
export function clientErrorOf(formatted: GraphQLFormattedError, error?: unknown): ClientError {
  const code = appErrorIn(error)?.extensions.code ?? formatted.extensions?.code;
  // INTERNAL_SERVER_ERROR is what Apollo Server gives any unexpected throw: its message is never shown.
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && (code in ErrorCodes || OPERATION_CODES.has(code))) return { masked: false, code };
  for (const cause of causes(error)) {
    const failure = databaseFailureOf(cause);
    if (failure) return { masked: false, code: failure.code, database: { message: failure.message } };
  }
  return { masked: true };
}

/**
 * Keeps registered codes and operation errors as they are, gives a database's failure its
 * documented code, and replaces everything else (bugs, SQL, upstream URLs) with a bare internal
 * error. Stack traces never leave.
 */
export function formatClientError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const client = clientErrorOf(formatted, error);
  if (!client.masked) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, ...(client.database && { message: client.database.message }), extensions: { ...extensions, code: client.code } };
  }
  return {
    message: 'Internal server error.',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
