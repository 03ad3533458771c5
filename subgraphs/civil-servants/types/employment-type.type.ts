import { registerEnumType } from 'type-graphql';
import { EMPLOYMENT_TYPES } from '../data/vocabulary';
import { enumObject } from './enum-object';

export const EmploymentTypeEnum = enumObject(EMPLOYMENT_TYPES);

registerEnumType(EmploymentTypeEnum, {
  name: 'EmploymentType',
  description: 'Legal category of a public servant (Law on Cadres and Civil Servants; Law on Public Employees).',
  valuesConfig: {
    CADRE: { description: 'Cán bộ: elected, approved or appointed to a term of office.' },
    CIVIL_SERVANT: { description: 'Công chức: recruited into a rank and post in a state agency.' },
    PUBLIC_EMPLOYEE: { description: 'Viên chức: recruited by a public service unit under a working contract.' },
  },
});
