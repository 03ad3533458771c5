import { registerEnumType } from 'type-graphql';
import { enumObject } from './enum-object';

export const CivilServiceGradeEnum = enumObject(['A1', 'A2', 'A3'] as const);

registerEnumType(CivilServiceGradeEnum, {
  name: 'CivilServiceGrade',
  description: 'Salary grade of a civil-service rank (Decree 204/2004): the higher the number, the senior the rank.',
  valuesConfig: {
    A1: { description: 'Specialist ranks, e.g. Chuyên viên.' },
    A2: { description: 'Principal ranks, e.g. Chuyên viên chính.' },
    A3: { description: 'Senior ranks, e.g. Chuyên viên cao cấp.' },
  },
});
