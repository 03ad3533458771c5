import { AppError } from '../../lib/errors';

/** The `extensions.code` a rule throws, or 'accepted' when it throws nothing. */
export function errorCodeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.extensions.code : error;
  }
  return 'accepted';
}
