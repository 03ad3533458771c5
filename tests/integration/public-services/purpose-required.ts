import { fieldError } from '../residents/access-fixtures';

/** The error of a personal-data field read without a stated purpose. Payments' tests use it too. */
export const purposeRequired = (coordinate: string, path: (string | number)[]) =>
  fieldError('PURPOSE_REQUIRED', `${coordinate} is personal data: state the purpose of access in the x-purpose header or the token's purpose claim.`, path);
