import type { GraphQLFormattedError } from 'graphql';
import { AppError } from './app-error';
import { ErrorCodes } from './codes';

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

/** Apollo Server re-labels scalar and variable errors; the AppError that caused one keeps the real code. */
function appErrorIn(error: unknown): AppError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof AppError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * Keeps registered codes and operation errors as they are and replaces everything else
 * (database errors, bugs, upstream URLs) with a bare internal error. Stack traces never leave.
 */
export function formatClientError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const appCode = appErrorIn(error)?.extensions.code;
  const code = appCode ?? formatted.extensions?.code;
  // INTERNAL_SERVER_ERROR is what Apollo Server gives any unexpected throw: its message is never shown.
  const known = typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && (code in ErrorCodes || OPERATION_CODES.has(code));
  if (known) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return {
    message: 'Internal server error.',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
