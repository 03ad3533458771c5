import { AppError } from '../../../lib/errors';
import { citizenCriteria } from '../../../subgraphs/residents/domain/citizen-criteria';

const codeOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? [error.extensions.code, error.extensions.argument] : error;
  }
  return 'no error';
};

describe('residents: citizenCriteria', () => {
  it('has no conditions without a filter', () => {
    expect(citizenCriteria(null)).toEqual({});
    expect(citizenCriteria(undefined)).toEqual({});
    expect(citizenCriteria({})).toEqual({});
  });

  it('turns birth years into half-open date bounds', () => {
    expect(citizenCriteria({ birthYearFrom: 1980, birthYearTo: 1985 })).toEqual({ bornOnOrAfter: '1980-01-01', bornBefore: '1986-01-01' });
    expect(citizenCriteria({ birthYearTo: 1999 })).toEqual({ bornBefore: '2000-01-01' });
    expect(citizenCriteria({ birthYearFrom: 2001, birthYearTo: 2001 })).toEqual({ bornOnOrAfter: '2001-01-01', bornBefore: '2002-01-01' });
  });

  it('folds the name prefix to lower case in NFC, so decomposed input matches stored names', () => {
    const decomposed = 'NGUYE\u0302\u0303N'; // Ê and tilde typed as combining marks
    expect(citizenCriteria({ namePrefix: decomposed })).toEqual({ namePrefix: 'nguyễn' });
    expect(citizenCriteria({ namePrefix: 'Đặng Thị', provinceCode: '01' })).toEqual({ namePrefix: 'đặng thị', provinceCode: '01' });
  });

  it('rejects a birth-year range that ends before it starts', () => {
    expect(codeOf(() => citizenCriteria({ birthYearFrom: 1990, birthYearTo: 1989 }))).toEqual(['BAD_USER_INPUT', 'filter.birthYearFrom']);
  });

  it('rejects birth years a personal ID cannot encode', () => {
    expect(codeOf(() => citizenCriteria({ birthYearFrom: 1899 }))).toEqual(['BAD_USER_INPUT', 'filter.birthYearFrom']);
    expect(codeOf(() => citizenCriteria({ birthYearTo: 2400 }))).toEqual(['BAD_USER_INPUT', 'filter.birthYearTo']);
  });

  it('rejects an empty name prefix and one over 50 characters', () => {
    expect(codeOf(() => citizenCriteria({ namePrefix: '' }))).toEqual(['BAD_USER_INPUT', 'filter.namePrefix']);
    expect(codeOf(() => citizenCriteria({ namePrefix: 'x'.repeat(51) }))).toEqual(['BAD_USER_INPUT', 'filter.namePrefix']);
    expect(citizenCriteria({ namePrefix: 'x'.repeat(50) }).namePrefix).toHaveLength(50);
  });
});
