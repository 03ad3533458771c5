import { AppError } from '../../../lib/errors';

/** What a caller is told when they name a province they may not act in or aggregate. */
export const outsideJurisdiction = (provinceCode: string): AppError => new AppError('FORBIDDEN', `Province ${provinceCode} is outside your jurisdiction.`);
