import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, PersonalIdScalar, ProvinceCodeScalar } from '../../../lib/graphql/scalars';
import { DossierStatus } from './dossier-status.type';

@InputType({ description: 'Conditions a dossier must meet to be listed; all given ones apply.' })
export class DossierFilter {
  @Field(() => ProvinceCodeScalar, { nullable: true, description: 'Province the dossier was filed in.' })
  provinceCode?: string | null;

  @Field(() => DossierStatus, { nullable: true, description: 'Current status.' })
  status?: number | null;

  @Field(() => ID, { nullable: true, description: 'Procedure code; an unknown one is UNKNOWN_PROCEDURE.' })
  procedureCode?: string | null;

  @Field(() => PersonalIdScalar, { nullable: true, description: 'Personal ID of the applicant.' })
  applicantId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only overdue dossiers (true) or only those not overdue (false).' })
  overdue?: boolean | null;

  @Field(() => DateScalar, { nullable: true, description: 'Submitted on or after this day (Vietnam time).' })
  submittedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Submitted on or before this day (Vietnam time).' })
  submittedTo?: string | null;
}
