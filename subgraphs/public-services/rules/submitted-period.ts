import { badInput } from '../../../lib/errors';

const DAY_MS = 86_400_000;

/** Midnight starting a Vietnam calendar day (UTC+7), as the portal counts submission days. */
const vietnamDayStart = (day: string): Date => new Date(`${day}T00:00:00+07:00`);

export interface SubmittedRange {
  submittedFrom: Date | null;
  submittedBefore: Date | null;
}

/** `submittedFrom`/`submittedTo` filter days, both included, as a half-open range of instants. */
export function submittedRange(from: string | null | undefined, to: string | null | undefined): SubmittedRange {
  if (from && to && from > to) throw badInput(`submittedFrom (${from}) is after submittedTo (${to}).`, { argument: 'filter.submittedFrom' });
  return {
    submittedFrom: from ? vietnamDayStart(from) : null,
    submittedBefore: to ? new Date(vietnamDayStart(to).getTime() + DAY_MS) : null,
  };
}
