import { registerEnumType } from 'type-graphql';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../lib/domain';

/** The lib vocabulary as the object type-graphql reads enums from. */
export const PaymentMethodEnum = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, m])) as { [M in PaymentMethod]: M };

registerEnumType(PaymentMethodEnum, {
  name: 'PaymentMethod',
  description: 'How a fee is paid; each method is carried by its own intermediaries to the State Treasury.',
  valuesConfig: {
    BANK_TRANSFER: { description: 'Transfer from a bank account (Vietcombank, VietinBank, BIDV, Agribank).' },
    CARD: { description: 'Domestic or international card, switched by NAPAS.' },
    E_WALLET: { description: 'E-wallet (VNPT Money, Viettel Money, MoMo, VNPAY).' },
    CASH: { description: 'Cash paid at the one-stop counter.' },
  },
});
