import { registerEnumType } from 'type-graphql';
import { EDUCATION_LEVELS } from '../data/vocabulary';
import { enumObject } from './enum-object';

export const EducationLevelEnum = enumObject(EDUCATION_LEVELS);

registerEnumType(EducationLevelEnum, {
  name: 'EducationLevel',
  description: 'Highest professional qualification (trình độ chuyên môn) on a public servant\'s dossier.',
  valuesConfig: {
    BACHELOR: { description: 'Đại học: a university degree.' },
    MASTER: { description: 'Thạc sĩ: a master\'s degree.' },
    DOCTORATE: { description: 'Tiến sĩ: a doctorate.' },
  },
});
