import { registerEnumType } from 'type-graphql';
import { CHANNELS } from '../../../lib/domain';
import { enumObject } from './enum-object';

export const DossierChannel = enumObject(CHANNELS);

registerEnumType(DossierChannel, {
  name: 'DossierChannel',
  description: 'How a dossier reached the administration.',
  valuesConfig: {
    ONLINE: { description: 'Filed online, through the portal or a provincial portal.' },
    IN_PERSON: { description: 'Filed in person at a one-stop counter.' },
    POSTAL: { description: 'Sent by post (public postal service).' },
  },
});
