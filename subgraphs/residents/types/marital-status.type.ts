import { registerEnumType } from 'type-graphql';

export const MaritalStatus = { SINGLE: 'SINGLE', MARRIED: 'MARRIED', DIVORCED: 'DIVORCED', WIDOWED: 'WIDOWED' } as const;
export type MaritalStatus = (typeof MaritalStatus)[keyof typeof MaritalStatus];

registerEnumType(MaritalStatus, {
  name: 'MaritalStatus',
  description: 'Marital status (tình trạng hôn nhân).',
  valuesConfig: {
    SINGLE: { description: 'Chưa kết hôn: never married.' },
    MARRIED: { description: 'Đã kết hôn: married.' },
    DIVORCED: { description: 'Ly hôn: divorced.' },
    WIDOWED: { description: 'Góa: widowed.' },
  },
});
