import type { PaymentStatus } from '../../../lib/domain';
import { feeStatusOf } from '../../../subgraphs/payments/rules/fee-status';

describe('feeStatusOf', () => {
  it.each<[number, PaymentStatus[], string]>([
    [0, [], 'NOT_APPLICABLE'],
    [0, ['PAID'], 'NOT_APPLICABLE'],
    [70_000, [], 'UNPAID'],
    [70_000, ['FAILED'], 'UNPAID'],
    [70_000, ['CANCELLED', 'FAILED'], 'UNPAID'],
    [70_000, ['FAILED', 'PENDING'], 'PENDING'],
    [70_000, ['REFUNDED', 'PENDING'], 'REFUNDED'],
    [70_000, ['FAILED', 'PAID'], 'PAID'],
    [70_000, ['REFUNDED', 'PAID', 'PENDING'], 'PAID'],
  ])('a fee of %p with attempts %j is %s', (fee, statuses, expected) => {
    expect(feeStatusOf(fee, statuses)).toBe(expected);
  });
});
