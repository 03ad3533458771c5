import { ageOn, vietnamDay } from '../../../subgraphs/residents/domain/age';

describe('residents: ageOn', () => {
  it('counts a year only once the birthday has come', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOn('1990-06-15', '2026-12-31')).toBe(36);
  });

  it('is 0 on the day of birth, and for a day before it', () => {
    expect(ageOn('2026-03-01', '2026-03-01')).toBe(0);
    expect(ageOn('2026-12-20', '2026-11-23')).toBe(0);
  });

  it('treats a 29 February birthday as not yet reached on 28 February', () => {
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
    expect(ageOn('2000-02-29', '2027-03-01')).toBe(27);
  });
});

describe('residents: vietnamDay', () => {
  it('turns over at midnight in Vietnam, seven hours before UTC', () => {
    expect(vietnamDay(new Date('2026-11-23T16:59:59Z'))).toBe('2026-11-23');
    expect(vietnamDay(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });
});
