import { AppError } from '../../../lib/errors';
import { dayRange } from '../../../lib/graphql/period';

export interface AtRange {
  atFrom: Date | null;
  atBefore: Date | null;
}

/** The filter's `from`/`to` days, both included, as a half-open range of instants. */
export function atRange(from: string | null | undefined, to: string | null | undefined): AtRange {
  const { start, end } = dayRange(from, to, { from: 'from', to: 'to', argument: 'filter.from' });
  return { atFrom: start, atBefore: end };
}

/** The `seq` inside an `auditLog` cursor; a tampered one is the client's mistake. */
export function parseSeqKey(key: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(key)) throw new AppError('INVALID_CURSOR', 'The cursor does not name a record of the audit log.');
  return Number(key);
}
