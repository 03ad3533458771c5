import { hasScope, satisfiesScopes, type Caller } from '../../../lib/auth';
import { isPersonalId } from '../../../lib/domain';
import { rowScope, type RequestContext } from '../../../lib/subgraph';
import type { AccessRecord } from '../types/access-record.type';

/**
 * Which records of the log a caller may read. A citizen (jurisdiction self) reads only records
 * about themself; an inspector (`audit:read`) reads everything, whatever their province: the
 * log's province is the reader's, not the data's. Anyone else reads nothing.
 */
export type AuditView = { kind: 'none' } | { kind: 'own'; personalId: string } | { kind: 'all' };

const NONE: AuditView = { kind: 'none' };

export function auditViewOf(caller: Caller | null): AuditView {
  const { personalId } = rowScope(caller);
  if (personalId !== undefined) {
    return personalId && satisfiesScopes(caller, [['audit:self'], ['audit:read']]) ? { kind: 'own', personalId } : NONE;
  }
  return hasScope(caller, 'audit:read') ? { kind: 'all' } : NONE;
}

/** Whether the view covers the access log of one citizen. */
export const coversCitizen = (view: AuditView, personalId: string): boolean =>
  view.kind === 'all' || (view.kind === 'own' && view.personalId === personalId);

/** A record as the view shows it: a citizen never learns whose data was read beside theirs. */
export const shownIn = (view: AuditView, record: AccessRecord): AccessRecord =>
  view.kind === 'own' ? { ...record, citizens: record.citizens.filter((id) => id === view.personalId) } : record;

/** Whom a record is about: every citizen it names and, when the reader was a citizen, the reader. */
export const subjectsOf = (record: AccessRecord): string[] => (isPersonalId(record.subject) ? [...record.citizens, record.subject] : record.citizens);

/**
 * Notes whose data the shown records are about, for the gateway's audit record: reading the log
 * is itself a read of personal data, and the citizens concerned see that an inspector looked.
 */
export function noteSubjects(ctx: RequestContext, records: readonly AccessRecord[]): void {
  for (const record of records) for (const personalId of subjectsOf(record)) ctx.accessedCitizens.add(personalId);
}
