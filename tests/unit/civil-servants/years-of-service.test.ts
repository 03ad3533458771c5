import { fullYearsBetween, vietnamToday } from '../../../subgraphs/civil-servants/data/years-of-service';

describe('civil-servants: years of service', () => {
  test('counts whole years, completing one on the anniversary', () => {
    expect(fullYearsBetween('2016-11-01', '2026-10-31')).toBe(9);
    expect(fullYearsBetween('2016-11-01', '2026-11-01')).toBe(10);
    expect(fullYearsBetween('2016-02-29', '2026-03-01')).toBe(10);
  });

  test('never counts a start in the future as negative service', () => {
    expect(fullYearsBetween('2027-01-01', '2026-11-01')).toBe(0);
  });

  test('takes today in Vietnam time, which turns at 17:00 UTC', () => {
    expect(vietnamToday(new Date('2026-11-23T16:59:00Z'))).toBe('2026-11-23');
    expect(vietnamToday(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });
});
