import { decodeCursor, encodeCursor, pageSize, toConnection } from '../../../lib/graphql/connection';
import { resolvePeriod } from '../../../lib/graphql/period';

const codeOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};

describe('Cursor pagination', () => {
  it('round-trips a key through an opaque cursor tagged with its field', () => {
    expect(decodeCursor('citizens', encodeCursor('citizens', '001198000001'))).toBe('001198000001');
    expect(decodeCursor('citizens', undefined)).toBeUndefined();
  });

  it('refuses cursors of another field or of no field at all', () => {
    expect(codeOf(() => decodeCursor('dossiers', encodeCursor('citizens', 'x')))).toBe('INVALID_CURSOR');
    expect(codeOf(() => decodeCursor('dossiers', 'not-a-cursor'))).toBe('INVALID_CURSOR');
  });

  it('bounds the page size between 1 and 100, defaulting to 20', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(codeOf(() => pageSize(0))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageSize(101))).toBe('BAD_USER_INPUT');
  });

  it('uses the extra row only to say another page exists', () => {
    const page = toConnection('f', ['a', 'b', 'c'], 2, (x) => x);
    expect(page.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('f', 'b') });
    expect(toConnection('f', [], 2, (x: string) => x).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe('Indicator periods', () => {
  const today = new Date('2026-11-23T20:00:00Z'); // already 24 November in Vietnam

  it('defaults to the year up to today, in Vietnam days', () => {
    const period = resolvePeriod(undefined, undefined, today);
    expect(period.from).toBe('2025-11-24');
    expect(period.to).toBe('2026-11-24');
    expect(period.start.toISOString()).toBe('2025-11-23T17:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-11-24T17:00:00.000Z');
  });

  it('rejects a period that ends before it starts or spans more than five years', () => {
    expect(codeOf(() => resolvePeriod('2025-02-01', '2025-01-01', today))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => resolvePeriod('2015-01-01', '2025-01-01', today))).toBe('BAD_USER_INPUT');
  });
});
