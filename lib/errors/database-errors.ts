import type { ErrorCode } from './codes';

/** SQLSTATE classes and codes that mean the database could not serve the statement now, whatever was asked. */
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '58']);
const UNAVAILABLE_STATES = new Set(['55P03', '40001', '40P01']);

/** Driver errors (no SQLSTATE) of a server that is gone, full, or silent. */
const UNAVAILABLE_MESSAGES = [/timeout exceeded when trying to connect/i, /query read timeout/i, /connection terminated/i, /not queryable/i, /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT/];

export interface DatabaseFailure {
  code: ErrorCode;
  message: string;
}

const UNAVAILABLE: DatabaseFailure = { code: 'SUBGRAPH_UNAVAILABLE', message: 'The database behind this field did not answer in time.' };
const BAD_VALUE: DatabaseFailure = {
  code: 'BAD_USER_INPUT',
  message: 'A value could not be read or stored: the database does not accept its characters, size or range.',
};

/**
 * What a PostgreSQL (or pg driver) error means for the client: a database that does not answer,
 * times out, is shutting down or is out of connections → SUBGRAPH_UNAVAILABLE; a value the
 * database refuses (SQLSTATE class 22: a NUL character, a number out of range) → BAD_USER_INPUT.
 * Anything else is not the client's to know (undefined: masked as INTERNAL_SERVER_ERROR, and logged).
 */
export function databaseFailureOf(error: unknown): DatabaseFailure | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    if (UNAVAILABLE_CLASSES.has(code.slice(0, 2)) || UNAVAILABLE_STATES.has(code)) return UNAVAILABLE;
    if (code.startsWith('22')) return BAD_VALUE;
    return undefined;
  }
  const text = `${typeof code === 'string' ? code : ''} ${typeof message === 'string' ? message : ''}`;
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(text)) ? UNAVAILABLE : undefined;
}
