import {
  allowedActions,
  DOSSIER_ACTIONS,
  DossierStatus,
  isFinalStatus,
  nextStatus,
  type DossierAction,
  type DossierStatusName,
} from '../../../lib/domain';
import { AppError } from '../../../lib/errors';
import { generateDossiers } from '../../../lib/synthetic';
import { checkTransition } from '../../../subgraphs/public-services/rules/transition';
import { testSeed } from '../../support/test-subgraph';

const STATUSES = Object.keys(DossierStatus) as DossierStatusName[];

/** The lifecycle as the one-stop systems describe it, written out move by move. */
const MOVES: [DossierStatusName, DossierAction, DossierStatusName][] = [
  ['NEW', 'RECEIVE', 'RECEIVED'],
  ['NEW', 'REJECT', 'REJECTED'],
  ['NEW', 'WITHDRAW', 'WITHDRAWN'],
  ['RECEIVED', 'REJECT', 'REJECTED'],
  ['RECEIVED', 'START_PROCESSING', 'PROCESSING'],
  ['RECEIVED', 'WITHDRAW', 'WITHDRAWN'],
  ['PROCESSING', 'REQUEST_DOCUMENTS', 'ADDITIONAL_DOCUMENTS_REQUESTED'],
  ['PROCESSING', 'REQUEST_PAYMENT', 'PAYMENT_REQUESTED'],
  ['PROCESSING', 'WITHDRAW', 'WITHDRAWN'],
  ['PROCESSING', 'STOP', 'STOPPED'],
  ['PROCESSING', 'COMPLETE', 'COMPLETED'],
  ['ADDITIONAL_DOCUMENTS_REQUESTED', 'SUPPLEMENT_DOCUMENTS', 'PROCESSING'],
  ['ADDITIONAL_DOCUMENTS_REQUESTED', 'WITHDRAW', 'WITHDRAWN'],
  ['ADDITIONAL_DOCUMENTS_REQUESTED', 'STOP', 'STOPPED'],
  ['PAYMENT_REQUESTED', 'CONFIRM_PAYMENT', 'PROCESSING'],
  ['PAYMENT_REQUESTED', 'WITHDRAW', 'WITHDRAWN'],
  ['PAYMENT_REQUESTED', 'STOP', 'STOPPED'],
  ['COMPLETED', 'RETURN_RESULT', 'RESULT_RETURNED'],
];

const allowed = new Set(MOVES.map(([from, action]) => `${from} ${action}`));
const forbidden = STATUSES.flatMap((from) => DOSSIER_ACTIONS.filter((action) => !allowed.has(`${from} ${action}`)).map((action) => [from, action] as const));

describe('The dossier lifecycle state machine', () => {
  test.each(MOVES)('allows %s —%s→ %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
    expect(checkTransition('01-DVC01-260101-000001', from, action)).toBe(to);
  });

  test.each(forbidden)('rejects %s from %s', (from, action) => {
    expect(nextStatus(from, action)).toBeNull();
  });

  test('lists, for each status, exactly the actions the moves allow', () => {
    for (const status of STATUSES) {
      const expected = MOVES.filter(([from]) => from === status).map(([, action]) => action);
      expect([...allowedActions(status)].sort()).toEqual([...expected].sort());
    }
  });

  test('gives every final status (rejected, withdrawn, stopped, result returned) no moves', () => {
    const finals = STATUSES.filter(isFinalStatus);
    expect(finals).toEqual(['REJECTED', 'WITHDRAWN', 'STOPPED', 'RESULT_RETURNED']);
    for (const status of finals) expect(DOSSIER_ACTIONS.map((action) => nextStatus(status, action))).toEqual(DOSSIER_ACTIONS.map(() => null));
  });

  test('names the current status and the allowed actions when a move is invalid', () => {
    expect(() => checkTransition('01-DVC01-260101-000001', 'RECEIVED', 'COMPLETE')).toThrow(
      new AppError('INVALID_TRANSITION', 'Dossier 01-DVC01-260101-000001 is RECEIVED, so COMPLETE is not allowed (allowed actions: REJECT, START_PROCESSING, WITHDRAW).'),
    );
    try {
      checkTransition('01-DVC01-260101-000001', 'RESULT_RETURNED', 'RECEIVE');
      throw new Error('expected INVALID_TRANSITION');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe('Dossier 01-DVC01-260101-000001 is RESULT_RETURNED, so RECEIVE is not allowed (it is final and allows no actions).');
      expect((error as AppError).extensions).toEqual({ code: 'INVALID_TRANSITION', status: 'RESULT_RETURNED', allowedActions: [] });
    }
  });

  test('replays every synthetic history move by move through nextStatus', () => {
    const { seed, scale, asOf } = testSeed();
    let replayed = 0;
    for (const dossier of generateDossiers(seed, scale, asOf)) {
      const [first, ...moves] = dossier.history;
      expect(first).toMatchObject({ action: 'SUBMIT', status: 'NEW', at: dossier.submittedAt });
      let status: DossierStatusName = 'NEW';
      let at = dossier.submittedAt.getTime();
      for (const move of moves) {
        expect(move.action).not.toBe('SUBMIT');
        expect(nextStatus(status, move.action as DossierAction)).toBe(move.status);
        expect(move.at.getTime()).toBeGreaterThan(at);
        status = move.status;
        at = move.at.getTime();
      }
      expect(status).toBe(dossier.status);
      expect(dossier.completedAt).toEqual(dossier.history.find((h) => h.status === 'COMPLETED')?.at ?? null);
      replayed += 1;
    }
    expect(replayed).toBe(Math.round(scale * 0.6));
  });
});
