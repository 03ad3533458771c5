import { Kind, parseValue } from 'graphql';
import { VndScalar } from '../../../lib/graphql/scalars';
import { errorCodeOf } from '../../support/error-code';

// Payments takes no amount as input, so the VND scalar's own checks are what guards amounts.

describe('VND scalar', () => {
  it.each([[-1], [1.5], ['12'], [Number.MAX_SAFE_INTEGER + 2]])('rejects %p as a variable with INVALID_AMOUNT', (value) => {
    expect(errorCodeOf(() => VndScalar.parseValue(value))).toBe('INVALID_AMOUNT');
  });

  it.each([['-1'], ['1.5'], ['"12"']])('rejects the literal %s with INVALID_AMOUNT', (literal) => {
    expect(errorCodeOf(() => VndScalar.parseLiteral(parseValue(literal)))).toBe('INVALID_AMOUNT');
  });

  it('accepts whole, non-negative amounts', () => {
    expect(VndScalar.parseValue(0)).toBe(0);
    expect(VndScalar.parseValue(1_263_600)).toBe(1_263_600);
    expect(VndScalar.parseLiteral({ kind: Kind.INT, value: '70000' })).toBe(70_000);
    expect(VndScalar.serialize(200_000)).toBe(200_000);
  });
});
