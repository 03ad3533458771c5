import { ConnectionType } from '../../../lib/graphql/connection';
import { Citizen } from './citizen.type';

export const CitizenConnection = ConnectionType(Citizen, 'Citizen', 'citizen');
