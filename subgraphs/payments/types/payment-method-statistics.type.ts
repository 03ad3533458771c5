import { Field, Int, ObjectType } from 'type-graphql';
import type { PaymentMethod } from '../../../lib/domain';
import { VndScalar } from '../../../lib/graphql/scalars';
import { PaymentMethodEnum } from './payment-method.type';

@ObjectType({ description: "Paid fees of one payment method within a province's period." })
export class PaymentMethodStatistics {
  @Field(() => PaymentMethodEnum, { description: 'The payment method.' })
  method!: PaymentMethod;

  @Field(() => Int, { description: 'Payments confirmed in the period by this method.' })
  transactions!: number;

  @Field(() => VndScalar, { description: 'Their total amount, in VND.' })
  amountPaid!: number;
}
