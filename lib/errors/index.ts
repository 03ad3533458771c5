export { ErrorCodes, type ErrorCode } from './codes';
export { AppError, notFound, badInput } from './app-error';
export { formatClientError } from './format-client-error';
