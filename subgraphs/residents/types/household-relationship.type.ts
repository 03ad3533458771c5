import { registerEnumType } from 'type-graphql';

export const HouseholdRelationship = { HEAD: 'HEAD', SPOUSE: 'SPOUSE', CHILD: 'CHILD', PARENT: 'PARENT' } as const;
export type HouseholdRelationship = (typeof HouseholdRelationship)[keyof typeof HouseholdRelationship];

registerEnumType(HouseholdRelationship, {
  name: 'HouseholdRelationship',
  description: 'How a member is related to the head of their household (quan hệ với chủ hộ).',
  valuesConfig: {
    HEAD: { description: 'Chủ hộ: the head of the household.' },
    SPOUSE: { description: 'Vợ/chồng: the head\'s wife or husband.' },
    CHILD: { description: 'Con: a child of the head.' },
    PARENT: { description: 'Bố/mẹ: a father or mother of the head.' },
  },
});
