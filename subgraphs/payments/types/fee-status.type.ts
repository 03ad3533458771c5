import { registerEnumType } from 'type-graphql';
import { FEE_STATUSES, type FeeStatus } from '../rules/fee-status';

export const FeeStatusEnum = Object.fromEntries(FEE_STATUSES.map((s) => [s, s])) as { [S in FeeStatus]: S };

registerEnumType(FeeStatusEnum, {
  name: 'FeeStatus',
  description: "Where a dossier stands with its procedure's fee, over all its payment attempts.",
  valuesConfig: {
    NOT_APPLICABLE: { description: 'The procedure charges no fee.' },
    UNPAID: { description: 'A fee is due and no attempt is paid, pending or refunded.' },
    PENDING: { description: 'An attempt awaits confirmation from its intermediary.' },
    PAID: { description: 'An attempt is paid.' },
    REFUNDED: { description: 'The fee was paid and then refunded; nothing is paid now.' },
  },
});
