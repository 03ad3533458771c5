import { ConnectionType } from '../../../lib/graphql/connection';
import { Payment } from './payment.type';

export const PaymentConnection = ConnectionType(Payment, 'Payment', 'payment');
