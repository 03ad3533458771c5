import { AppError, badInput } from '../../../lib/errors';

const DAY_MS = 86_400_000;

/** Midnight starting a Vietnam calendar day (UTC+7), as the filter's days are counted. */
const vietnamDayStart = (day: string): Date => new Date(`${day}T00:00:00+07:00`);

export interface AtRange {
  atFrom: Date | null;
  atBefore: Date | null;
}

/** The filter's `from`/`to` days, both included, as a half-open range of instants. */
export function atRange(from: string | null | undefined, to: string | null | undefined): AtRange {
  if (from && to && from > to) throw badInput(`from (${from}) is after to (${to}).`, { argument: 'filter.from' });
  return {
    atFrom: from ? vietnamDayStart(from) : null,
    atBefore: to ? new Date(vietnamDayStart(to).getTime() + DAY_MS) : null,
  };
}

/** The `seq` inside an `auditLog` cursor; a tampered one is the client's mistake. */
export function parseSeqKey(key: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(key)) throw new AppError('INVALID_CURSOR', 'The cursor does not name a record of the audit log.');
  return Number(key);
}
