import { registerEnumType } from 'type-graphql';

export const ProvinceKind = { CITY: 'CITY', PROVINCE: 'PROVINCE' } as const;
export type ProvinceKind = (typeof ProvinceKind)[keyof typeof ProvinceKind];

registerEnumType(ProvinceKind, {
  name: 'ProvinceKind',
  description: 'The kind of a provincial unit of 2025: 6 centrally-run cities and 28 provinces.',
  valuesConfig: {
    CITY: { description: 'Thành phố trực thuộc trung ương: a centrally-run city.' },
    PROVINCE: { description: 'Tỉnh: a province.' },
  },
});
