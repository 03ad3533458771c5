import { registerEnumType } from 'type-graphql';

export const CommuneKind = { XA: 'XA', PHUONG: 'PHUONG', DAC_KHU: 'DAC_KHU' } as const;
export type CommuneKind = (typeof CommuneKind)[keyof typeof CommuneKind];

registerEnumType(CommuneKind, {
  name: 'CommuneKind',
  description: 'The kind of a commune-level unit, the lower of the two levels of local government since 2025.',
  valuesConfig: {
    XA: { description: 'Xã: a rural commune.' },
    PHUONG: { description: 'Phường: an urban ward.' },
    DAC_KHU: { description: 'Đặc khu: a special zone (island districts).' },
  },
});
