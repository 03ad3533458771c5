import { allowedActions, nextStatus, type DossierAction, type DossierStatusName } from '../../../lib/domain';
import { AppError } from '../../../lib/errors';

/**
 * The status `action` leads to from `current`, by the lib state machine; otherwise an
 * INVALID_TRANSITION naming the current status and what it does allow, so a client can
 * correct itself without a second look-up.
 */
export function checkTransition(code: string, current: DossierStatusName, action: DossierAction): DossierStatusName {
  const next = nextStatus(current, action);
  if (next) return next;
  const allowed = allowedActions(current);
  const options = allowed.length > 0 ? `allowed actions: ${allowed.join(', ')}` : 'it is final and allows no actions';
  throw new AppError('INVALID_TRANSITION', `Dossier ${code} is ${current}, so ${action} is not allowed (${options}).`, {
    status: current,
    allowedActions: allowed,
  });
}
