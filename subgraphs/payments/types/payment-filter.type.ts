import { Field, ID, InputType } from 'type-graphql';
import type { PaymentMethod, PaymentStatus } from '../../../lib/domain';
import { PersonalIdScalar, ProvinceCodeScalar, VndScalar } from '../../../lib/graphql/scalars';
import { PaymentMethodEnum } from './payment-method.type';
import { PaymentStatusEnum } from './payment-status.type';

@InputType({ description: 'Narrows a list of payments; every given condition must hold.' })
export class PaymentFilter {
  @Field(() => ProvinceCodeScalar, { nullable: true, description: 'Only payments for dossiers of this province.' })
  provinceCode?: string | null;

  @Field(() => PaymentStatusEnum, { nullable: true, description: 'Only payments in this status.' })
  status?: PaymentStatus | null;

  @Field(() => PaymentMethodEnum, { nullable: true, description: 'Only payments by this method.' })
  method?: PaymentMethod | null;

  @Field(() => ID, { nullable: true, description: 'Only payments for this dossier.' })
  dossierCode?: string | null;

  @Field(() => PersonalIdScalar, { nullable: true, description: 'Only payments initiated by this citizen.' })
  payerId?: string | null;

  @Field(() => VndScalar, { nullable: true, description: 'Only payments of at least this amount (whole VND).' })
  minAmount?: number | null;

  @Field(() => VndScalar, { nullable: true, description: 'Only payments of at most this amount (whole VND).' })
  maxAmount?: number | null;
}
