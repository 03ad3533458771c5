import { hasScope, type Caller } from '../../../lib/auth';
import { AppError } from '../../../lib/errors';
import { outsideJurisdiction, rowScope } from '../../../lib/subgraph';

export interface SubmissionParties {
  applicantId: string;
  provinceCode: string;
}

/**
 * Who may file what. A province-bound officer files in their own province only. A citizen, or
 * anyone who may submit but not write dossiers (`dossiers:submit` alone), files only as the
 * applicant themself. The caller named both values, so refusing says why (FORBIDDEN) rather
 * than pretending something is missing.
 */
export function checkSubmission(caller: Caller | null, { applicantId, provinceCode }: SubmissionParties): void {
  const scope = rowScope(caller);
  if (scope.provinceCode !== undefined && scope.provinceCode !== provinceCode) throw outsideJurisdiction(provinceCode);
  const forSelfOnly = scope.personalId !== undefined || !hasScope(caller, 'dossiers:write');
  if (forSelfOnly && applicantId !== (scope.personalId ?? caller?.subject)) {
    throw new AppError('FORBIDDEN', 'You may file a dossier only for yourself: applicantId must be your own personal ID.');
  }
}
