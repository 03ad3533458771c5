import { AppError } from '../../../lib/errors';

/** What a caller is told when they ask for the figures of a province they may not aggregate. */
export const outsideJurisdiction = (provinceCode: string): AppError => new AppError('FORBIDDEN', `Province ${provinceCode} is outside your jurisdiction.`);
