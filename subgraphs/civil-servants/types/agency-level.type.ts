import { registerEnumType } from 'type-graphql';
import { AGENCY_LEVELS } from '../../../lib/domain';
import { enumObject } from './enum-object';

export const AgencyLevelEnum = enumObject(AGENCY_LEVELS);

registerEnumType(AgencyLevelEnum, {
  name: 'AgencyLevel',
  description: 'Tier of government an agency belongs to under the two-level local government of 1 July 2025.',
  valuesConfig: {
    CENTRAL: { description: 'A ministry or ministry-level body of the central government.' },
    PROVINCE: { description: 'A provincial people\'s committee or one of its departments (sở).' },
    COMMUNE: { description: 'A commune-level people\'s committee (xã, phường, đặc khu).' },
  },
});
