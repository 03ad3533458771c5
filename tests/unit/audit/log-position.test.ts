import { atRange, parseSeqKey } from '../../../subgraphs/audit/rules/log-position';

describe('The days of an audit log search', () => {
  it('runs from midnight of `from` to the midnight after `to`, Vietnam time', () => {
    expect(atRange('2026-11-01', '2026-11-02')).toEqual({ atFrom: new Date('2026-10-31T17:00:00Z'), atBefore: new Date('2026-11-02T17:00:00Z') });
  });

  it('leaves an end open when its day is not given', () => {
    expect(atRange(null, undefined)).toEqual({ atFrom: null, atBefore: null });
    expect(atRange('2026-11-01', null)).toEqual({ atFrom: new Date('2026-10-31T17:00:00Z'), atBefore: null });
  });

  it('refuses a from after its to', () => {
    expect(() => atRange('2026-11-02', '2026-11-01')).toThrow('from (2026-11-02) is after to (2026-11-01).');
  });
});

describe('The seq in an auditLog cursor', () => {
  it('is a positive whole number', () => {
    expect(parseSeqKey('42')).toBe(42);
  });

  it.each(['0', '-1', '1.5', '042', '1e3', '', '9999999999999999'])('refuses %j', (key) => {
    expect(() => parseSeqKey(key)).toThrow('The cursor does not name a record of the audit log.');
  });
});
