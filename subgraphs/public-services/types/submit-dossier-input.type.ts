import { Field, ID, InputType } from 'type-graphql';
import type { Channel } from '../../../lib/domain';
import { PersonalIdScalar, ProvinceCodeScalar } from '../../../lib/graphql/scalars';
import { DossierChannel } from './dossier-channel.type';

@InputType({ description: 'A new dossier: who applies, for what, where and how.' })
export class SubmitDossierInput {
  @Field(() => ID, { description: 'Procedure applied for; an unknown code is UNKNOWN_PROCEDURE.' })
  procedureCode!: string;

  @Field(() => PersonalIdScalar, { description: 'Personal ID of the applicant.' })
  applicantId!: string;

  @Field(() => ProvinceCodeScalar, { description: 'Province the dossier is filed in.' })
  provinceCode!: string;

  @Field(() => String, { nullable: true, description: '5-digit code of a commune of that province, when the dossier is filed at commune level.' })
  communeCode?: string | null;

  @Field(() => DossierChannel, { description: 'How the dossier is filed.' })
  channel!: Channel;
}
