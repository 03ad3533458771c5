import { AppError } from '../errors';

/** A request without a valid identity: HTTP 401, code UNAUTHENTICATED, and a reason a developer can act on. */
export const unauthenticated = (reason: string): AppError =>
  new AppError('UNAUTHENTICATED', `Not authenticated: ${reason}.`, { http: { status: 401 } });
