import { registerEnumType } from 'type-graphql';
import { DOSSIER_ACTIONS } from '../../../lib/domain';
import { ACTION_DESCRIPTIONS } from './dossier-action.type';
import { enumObject } from './enum-object';

/** What a history entry records: the submission, then each lifecycle move. */
export const DossierEventAction = enumObject(['SUBMIT', ...DOSSIER_ACTIONS]);

registerEnumType(DossierEventAction, {
  name: 'DossierEventAction',
  description: 'What happened to a dossier in one history entry: its submission or a lifecycle move.',
  valuesConfig: {
    SUBMIT: { description: 'The dossier was filed; always the first entry, leading to NEW.' },
    ...ACTION_DESCRIPTIONS,
  },
});
