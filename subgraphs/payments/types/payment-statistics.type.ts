import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { PAYMENT_METHODS } from '../../../lib/domain';
import { listSize } from '../../../lib/federation';
import { DateScalar, VndScalar } from '../../../lib/graphql/scalars';
import { PaymentMethodStatistics } from './payment-method-statistics.type';

@ObjectType({ description: "Fees paid in a province's dossiers over a period, counted by the day each payment was confirmed (Vietnam time). Refunded payments are not counted." })
export class PaymentStatistics {
  @Field(() => DateScalar, { description: 'First day of the period, included.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the period, included.' })
  to!: string;

  @Field(() => Int, { description: 'Payments confirmed in the period.' })
  transactions!: number;

  @Field(() => VndScalar, { description: 'Total amount of those payments, in VND.' })
  amountPaid!: number;

  @Directive(listSize({ assumedSize: PAYMENT_METHODS.length }))
  @Field(() => [PaymentMethodStatistics], { description: 'The same figures by payment method, one entry per method (zero when unused); they add up to the totals.' })
  byMethod!: PaymentMethodStatistics[];
}
