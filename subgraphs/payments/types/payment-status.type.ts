import { registerEnumType } from 'type-graphql';
import { PAYMENT_STATUSES, type PaymentStatus } from '../../../lib/domain';

export const PaymentStatusEnum = Object.fromEntries(PAYMENT_STATUSES.map((s) => [s, s])) as { [S in PaymentStatus]: S };

registerEnumType(PaymentStatusEnum, {
  name: 'PaymentStatus',
  description: 'Where one payment attempt stands.',
  valuesConfig: {
    PENDING: { description: 'Initiated; the intermediary has not confirmed it yet.' },
    PAID: { description: 'The intermediary confirmed that the money reached the State Treasury.' },
    FAILED: { description: 'The intermediary reported that the payment did not go through.' },
    CANCELLED: { description: 'Abandoned before settlement, e.g. the dossier was withdrawn.' },
    REFUNDED: { description: 'Paid, then returned to the payer.' },
  },
});
