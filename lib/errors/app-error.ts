import { GraphQLError } from 'graphql';
import type { ErrorCode } from './codes';

/**
 * An error meant for the client: its message and code are shown as they are.
 * Anything else thrown inside a resolver is masked by `formatClientError`.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
    this.name = 'AppError';
  }
}

export const notFound = (what: string, key: string): AppError =>
  new AppError('NOT_FOUND', `No ${what} with key ${key}.`);

export const badInput = (message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError('BAD_USER_INPUT', message, details);
