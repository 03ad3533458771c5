export { ErrorCodes, type ErrorCode } from './codes';
export { AppError, notFound, badInput } from './app-error';
export { formatClientError, clientErrorOf, type ClientError } from './format-client-error';
export { databaseFailureOf } from './database-errors';
export { logMaskedErrors } from './error-log';
