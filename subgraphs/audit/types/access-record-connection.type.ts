import { ConnectionType } from '../../../lib/graphql/connection';
import { AccessRecord } from './access-record.type';

export const AccessRecordConnection = ConnectionType(AccessRecord, 'AccessRecord', 'access');
