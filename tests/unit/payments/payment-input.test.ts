import {
  checkDossierCode,
  checkIdempotencyKey,
  checkPaymentId,
  checkText,
  dossierCodeParts,
  isPaymentId,
} from '../../../subgraphs/payments/rules/payment-input';
import { parsePositionKey, positionKey } from '../../../subgraphs/payments/rules/payment-cursor';
import { errorCodeOf } from '../../support/error-code';

describe('payment input rules', () => {
  it('accepts UUIDs as payment IDs, in either case, and rejects anything else', () => {
    expect(isPaymentId('7e571c0e-3656-4033-afdc-d148a184fc23')).toBe(true);
    expect(checkPaymentId('7E571C0E-3656-4033-AFDC-D148A184FC23')).toBe('7e571c0e-3656-4033-afdc-d148a184fc23');
    for (const id of ['', '42', '7e571c0e36564033afdcd148a184fc23', '7e571c0e-3656-4033-afdc-d148a184fc2g']) {
      expect(errorCodeOf(() => checkPaymentId(id))).toBe('BAD_USER_INPUT');
    }
  });

  it('accepts idempotency keys of 1 to 200 characters', () => {
    expect(checkIdempotencyKey('k')).toBe('k');
    expect(checkIdempotencyKey('k'.repeat(200))).toHaveLength(200);
    expect(errorCodeOf(() => checkIdempotencyKey(''))).toBe('BAD_USER_INPUT');
    expect(errorCodeOf(() => checkIdempotencyKey('k'.repeat(201)))).toBe('BAD_USER_INPUT');
  });

  it('reads province and procedure from a dossier code of a 2025 province', () => {
    expect(checkDossierCode('46-DVC02-251123-000042')).toEqual({ provinceCode: '46', procedureCode: 'DVC02', day: '251123', serial: '000042' });
    expect(dossierCodeParts('99-DVC02-251123-000042')).toBeNull();
    expect(errorCodeOf(() => checkDossierCode('46-DVC2-251123-000042'))).toBe('BAD_USER_INPUT');
  });

  it('bounds free text and lets null through', () => {
    expect(checkText('reason', null, 5)).toBeNull();
    expect(checkText('reason', 'short', 5)).toBe('short');
    expect(errorCodeOf(() => checkText('reason', 'too long', 5))).toBe('BAD_USER_INPUT');
  });
});

describe('payments cursor positions', () => {
  it('round-trips a position', () => {
    const position = { createdAt: new Date('2026-10-11T05:04:52.373Z'), id: '7e571c0e-3656-4033-afdc-d148a184fc23' };
    expect(parsePositionKey(positionKey(position))).toEqual(position);
  });

  it.each(['', 'x|7e571c0e-3656-4033-afdc-d148a184fc23', '2026-10-11T05:04:52.373Z|nobody', '2026-10-11T05:04:52.373Z|7e571c0e-3656-4033-afdc-d148a184fc23|x'])(
    'rejects the forged position %p with INVALID_CURSOR',
    (key) => {
      expect(errorCodeOf(() => parsePositionKey(key))).toBe('INVALID_CURSOR');
    },
  );
});
