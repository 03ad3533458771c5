import { resolvePeriod } from '../../../lib/graphql/period';
import { toStatistics } from '../../../subgraphs/public-services/rules/statistics';
import { submittedRange } from '../../../subgraphs/public-services/rules/submitted-period';

describe('Dossier statistics ratios', () => {
  const period = resolvePeriod('2026-01-01', '2026-01-31');

  test('divide online by received and on-time by completed', () => {
    expect(toStatistics(period, { received: 200, online: 150, completed: 100, completedOnTime: 91, overdue: 12 })).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      received: 200,
      online: 150,
      onlineShare: 0.75,
      completed: 100,
      completedOnTime: 91,
      onTimeRate: 0.91,
      overdue: 12,
    });
  });

  test('are null, not zero, when there is nothing to divide by', () => {
    expect(toStatistics(period, { received: 0, online: 0, completed: 0, completedOnTime: 0, overdue: 0 })).toMatchObject({ onlineShare: null, onTimeRate: null });
  });
});

describe('The submitted-day filter', () => {
  test('covers whole Vietnam calendar days, both included', () => {
    expect(submittedRange('2026-03-01', '2026-03-02')).toEqual({
      submittedFrom: new Date('2026-02-28T17:00:00Z'),
      submittedBefore: new Date('2026-03-02T17:00:00Z'),
    });
  });

  test('leaves an open end open', () => {
    expect(submittedRange(null, undefined)).toEqual({ submittedFrom: null, submittedBefore: null });
  });

  test('rejects a start after the end as BAD_USER_INPUT', () => {
    expect(() => submittedRange('2026-03-02', '2026-03-01')).toThrow('submittedFrom (2026-03-02) is after submittedTo (2026-03-01).');
  });
});
