import { registerEnumType } from 'type-graphql';
import { DOSSIER_ACTIONS, DossierStatus, nextStatus, type DossierAction as Action, type DossierStatusName } from '../../../lib/domain';
import { enumObject } from './enum-object';

const STATUSES = Object.keys(DossierStatus) as DossierStatusName[];

const WHAT: Record<Action, string> = {
  RECEIVE: 'Accept the dossier at intake.',
  REJECT: 'Refuse the dossier at intake.',
  START_PROCESSING: 'Start processing a received dossier.',
  REQUEST_DOCUMENTS: 'Ask the applicant for additional documents.',
  SUPPLEMENT_DOCUMENTS: 'Record that the applicant supplied the requested documents.',
  REQUEST_PAYMENT: 'Ask the applicant to pay the fee.',
  CONFIRM_PAYMENT: 'Record that the fee was paid.',
  WITHDRAW: 'Withdraw the dossier at the applicant\'s request.',
  STOP: 'Stop processing the dossier.',
  COMPLETE: 'Finish processing: the result is ready.',
  RETURN_RESULT: 'Hand the result to the applicant.',
};

/** Each description ends with the moves the lib state machine allows, so the two never drift. */
function describe(action: Action): { description: string } {
  const froms = STATUSES.filter((status) => nextStatus(status, action) !== null);
  const to = nextStatus(froms[0]!, action);
  return { description: `${WHAT[action]} From ${froms.join(', ')} to ${to}.` };
}

export const ACTION_DESCRIPTIONS = Object.fromEntries(DOSSIER_ACTIONS.map((action) => [action, describe(action)])) as Record<Action, { description: string }>;

export const DossierAction = enumObject(DOSSIER_ACTIONS);

registerEnumType(DossierAction, {
  name: 'DossierAction',
  description: 'A move of the dossier lifecycle; `Dossier.allowedActions` lists those its current status allows.',
  valuesConfig: ACTION_DESCRIPTIONS,
});
