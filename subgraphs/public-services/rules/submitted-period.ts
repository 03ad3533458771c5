import { dayRange } from '../../../lib/graphql/period';

export interface SubmittedRange {
  submittedFrom: Date | null;
  submittedBefore: Date | null;
}

/** `submittedFrom`/`submittedTo` filter days, both included, as a half-open range of instants. */
export function submittedRange(from: string | null | undefined, to: string | null | undefined): SubmittedRange {
  const { start, end } = dayRange(from, to, { from: 'submittedFrom', to: 'submittedTo', argument: 'filter.submittedFrom' });
  return { submittedFrom: start, submittedBefore: end };
}
