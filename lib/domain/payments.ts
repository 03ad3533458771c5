/** Payment vocabulary of the portal's payment platform: it connects intermediaries, it holds no money. */
export const PAYMENT_METHODS = ['BANK_TRANSFER', 'CARD', 'E_WALLET', 'CASH'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_STATUSES = ['PENDING', 'PAID', 'FAILED', 'CANCELLED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Intermediaries that carry a payment to the State Treasury, by method. */
export const INTERMEDIARIES: Record<PaymentMethod, readonly string[]> = {
  BANK_TRANSFER: ['Vietcombank', 'VietinBank', 'BIDV', 'Agribank'],
  CARD: ['NAPAS'],
  E_WALLET: ['VNPT Money', 'Viettel Money', 'MoMo', 'VNPAY'],
  CASH: ['Counter'],
};
