import { registerEnumType } from 'type-graphql';
import { PERFORMANCE_RATINGS } from '../data/vocabulary';
import { enumObject } from './enum-object';

export const PerformanceRatingEnum = enumObject(PERFORMANCE_RATINGS);

registerEnumType(PerformanceRatingEnum, {
  name: 'PerformanceRating',
  description: 'Annual quality rating of a public servant (Decree 90/2020), for the latest year rated.',
  valuesConfig: {
    EXCELLENT: { description: 'Hoàn thành xuất sắc nhiệm vụ: completed duties excellently.' },
    GOOD: { description: 'Hoàn thành tốt nhiệm vụ: completed duties well.' },
    COMPLETED: { description: 'Hoàn thành nhiệm vụ: completed duties.' },
    NOT_COMPLETED: { description: 'Không hoàn thành nhiệm vụ: did not complete duties.' },
  },
});
