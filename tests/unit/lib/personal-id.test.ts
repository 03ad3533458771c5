import { checkPersonalId, formatPersonalId, isPersonalId, personalIdMatches } from '../../../lib/domain/personal-id';

describe('Personal ID structure', () => {
  it('reads province, sex, century and birth year from the example in the law', () => {
    expect(checkPersonalId('001198000001')).toEqual({
      ok: true,
      parts: { legacyProvinceCode: '001', sex: 'FEMALE', birthYear: 1998, serial: '000001' },
    });
  });

  it.each([
    ['079', 'MALE', 1965, '0'],
    ['079', 'FEMALE', 1965, '1'],
    ['048', 'MALE', 2005, '2'],
    ['048', 'FEMALE', 2024, '3'],
  ] as const)('encodes %s %s born %i with century digit %s', (legacyProvinceCode, sex, birthYear, digit) => {
    const id = formatPersonalId({ legacyProvinceCode, sex, birthYear, serial: '123456' });
    expect(id[3]).toBe(digit);
    expect(checkPersonalId(id)).toEqual({ ok: true, parts: { legacyProvinceCode, sex, birthYear, serial: '123456' } });
  });

  it.each([
    ['12345', 'a personal ID is exactly 12 digits'],
    ['00119800000A', 'a personal ID is exactly 12 digits'],
    ['0011980000011', 'a personal ID is exactly 12 digits'],
    ['999198000001', '999 is not a province code of birth registration'],
    ['003198000001', '003 is not a province code of birth registration'],
  ])('rejects %s: %s', (value, reason) => {
    expect(checkPersonalId(value)).toEqual({ ok: false, reason });
  });

  it('rejects a birth year in the future', () => {
    expect(checkPersonalId('001499000001', new Date('2026-11-23T00:00:00Z'))).toEqual({ ok: false, reason: 'birth year 2199 is in the future' });
  });

  it('checks a stored sex and birth year against the number', () => {
    expect(personalIdMatches('001198000001', 'FEMALE', 1998)).toBe(true);
    expect(personalIdMatches('001198000001', 'MALE', 1998)).toBe(false);
    expect(personalIdMatches('001198000001', 'FEMALE', 1898)).toBe(false);
    expect(isPersonalId('001198000001')).toBe(true);
  });
});
