import { DossierStatus, isFinalStatus } from '../../../lib/domain';
import { generateDossiers, type SyntheticDossier } from '../../../lib/synthetic';
import { shownDateTime } from '../../support/response-checks';
import { testSeed } from '../../support/test-subgraph';

/** The dossiers the test seed writes, regenerated: the expectation every response is checked against. */
export const seededDossiers = (): SyntheticDossier[] => {
  const { seed, scale, asOf } = testSeed();
  return [...generateDossiers(seed, scale, asOf)];
};

export const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The rule `Dossier.overdue` documents, restated independently of the SQL that implements it. */
export const isOverdue = (d: SyntheticDossier, now: Date): boolean =>
  d.completedAt ? d.completedAt > d.dueAt : !isFinalStatus(d.status) && d.dueAt < now;

export const DOSSIER_FIELDS = `
  code procedure { code } applicant { personalId } province { code } communeCode channel status statusCode
  submittedAt dueAt completedAt overdue handler { personalId }
  history { action fromStatus toStatus at actorId note }
  allowedActions`;

/** Everyone `DOSSIER_FIELDS` of a seeded dossier names, as the audit must: its applicant, its handler and whoever moved it. */
export const dossierSubjects = (d: SyntheticDossier): (string | null)[] => [d.applicantId, d.handlerId, ...d.history.map((h) => h.actorId)];

/** What `DOSSIER_FIELDS` of a seeded dossier must read. */
export function expectedDossier(d: SyntheticDossier, allowedActions: string[], now = new Date()) {
  return {
    code: d.code,
    procedure: { code: d.procedureCode },
    applicant: { personalId: d.applicantId },
    province: { code: d.provinceCode },
    communeCode: d.communeCode,
    channel: d.channel,
    status: d.status,
    statusCode: DossierStatus[d.status],
    submittedAt: shownDateTime(d.submittedAt),
    dueAt: shownDateTime(d.dueAt),
    completedAt: shownDateTime(d.completedAt),
    overdue: isOverdue(d, now),
    handler: d.handlerId ? { personalId: d.handlerId } : null,
    history: d.history.map((h, i) => ({
      action: h.action,
      fromStatus: i === 0 ? null : d.history[i - 1]!.status,
      toStatus: h.status,
      at: shownDateTime(h.at),
      actorId: h.actorId,
      note: null,
    })),
    allowedActions,
  };
}
