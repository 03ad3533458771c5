import { registerEnumType } from 'type-graphql';

export const Sex = { MALE: 'MALE', FEMALE: 'FEMALE' } as const;
export type Sex = (typeof Sex)[keyof typeof Sex];

registerEnumType(Sex, {
  name: 'Sex',
  description: 'Sex (giới tính) as recorded in the population database; the personal ID encodes it too.',
  valuesConfig: {
    MALE: { description: 'Nam (male).' },
    FEMALE: { description: 'Nữ (female).' },
  },
});
