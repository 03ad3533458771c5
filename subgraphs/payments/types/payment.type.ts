import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PERSONAL_DATA } from '../../../lib/auth';
import type { PaymentMethod, PaymentStatus } from '../../../lib/domain';
import { DateTimeScalar, VndScalar } from '../../../lib/graphql/scalars';
import { PAYMENTS_READ } from './access-rules';
import { Citizen } from './citizen.type';
import { Dossier } from './dossier.type';
import { PaymentMethodEnum } from './payment-method.type';
import { PaymentStatusEnum } from './payment-status.type';
import { Province } from './province.type';

// The rule on the type covers every field: a payment is its payer's personal data, for payment readers only.
@Directive(PAYMENTS_READ)
@Directive(PERSONAL_DATA)
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "One attempt to pay a dossier's fee through an intermediary into the State Treasury. The platform connects payer and intermediary; it never holds the money.",
})
export class Payment {
  @Field(() => ID, { nullable: true, description: 'Identifier of the payment (a UUID).' })
  id!: string;

  @Field(() => Dossier, { nullable: true, description: 'The dossier whose fee this pays.' })
  dossier!: Dossier;

  @Field(() => Citizen, { nullable: true, description: 'The citizen who initiated the payment; null when it was not a citizen (e.g. paid at a counter for them).' })
  payer!: Citizen | null;

  @Field(() => Province, { nullable: true, description: 'The province whose dossier this is, read from the dossier code.' })
  province!: Province;

  @Field(() => VndScalar, { nullable: true, description: "The fee charged, in whole VND, from the procedure's fee schedule when the payment began." })
  amount!: number;

  @Field(() => PaymentMethodEnum, { nullable: true, description: 'How the payer pays.' })
  method!: PaymentMethod;

  @Field({ nullable: true, description: 'The bank, switch or e-wallet carrying the payment, e.g. Vietcombank, NAPAS, MoMo.' })
  intermediary!: string;

  @Field(() => PaymentStatusEnum, { nullable: true, description: 'Where the payment stands.' })
  status!: PaymentStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the payment was initiated.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the intermediary confirmed it; null until paid.' })
  paidAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was refunded; null unless refunded.' })
  refundedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The intermediary's reference for the settlement, for reconciliation (tra soát)." })
  transactionRef!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was refunded; null unless refunded with a reason.' })
  refundReason!: string | null;
}
