import { AppError } from '../../../lib/errors';
import type { GatewayLookups } from '../../../lib/subgraph';
import type { ProcedureRecord } from '../data/procedure.repository';

const APPLICANT = 'query SubmissionApplicant($personalId: PersonalId!) { citizen(personalId: $personalId) { province { code } } }';

interface ApplicantAnswer {
  citizen: { province: { code: string } | null } | null;
}

export interface Application {
  applicantId: string;
  provinceCode: string;
  procedure: ProcedureRecord;
}

/**
 * A dossier is filed only for a resident the caller may see — one who does not exist and one
 * outside their jurisdiction get the same answer — and, for a procedure filed where one lives,
 * in the province the applicant resides in. Public-services never reads the residents database:
 * it asks the gateway, as the caller, under the mutation's delegation grant.
 */
export async function checkApplicant(lookups: GatewayLookups, { applicantId, provinceCode, procedure }: Application): Promise<void> {
  const { citizen } = await lookups.query<ApplicantAnswer>(APPLICANT, { personalId: applicantId });
  if (!citizen) throw new AppError('UNKNOWN_APPLICANT', `No resident with personal ID ${applicantId}.`, { applicantId });
  if (procedure.residenceBound && citizen.province?.code !== provinceCode) {
    throw new AppError('NOT_RESIDENT_IN_PROVINCE', `Procedure ${procedure.code} is filed where the applicant resides, which is not province ${provinceCode}.`);
  }
}
