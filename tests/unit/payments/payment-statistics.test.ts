import { paymentStatisticsOf } from '../../../subgraphs/payments/rules/payment-statistics';

describe('paymentStatisticsOf', () => {
  it('lists every method in vocabulary order and totals them', () => {
    const stats = paymentStatisticsOf({ from: '2026-01-01', to: '2026-01-31' }, [
      { method: 'CASH', transactions: 2, amountPaid: 40_000 },
      { method: 'BANK_TRANSFER', transactions: 3, amountPaid: 210_000 },
    ]);
    expect(stats).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      transactions: 5,
      amountPaid: 250_000,
      byMethod: [
        { method: 'BANK_TRANSFER', transactions: 3, amountPaid: 210_000 },
        { method: 'CARD', transactions: 0, amountPaid: 0 },
        { method: 'E_WALLET', transactions: 0, amountPaid: 0 },
        { method: 'CASH', transactions: 2, amountPaid: 40_000 },
      ],
    });
  });
});
