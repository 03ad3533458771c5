import { startsWithPattern } from '../../../subgraphs/residents/data/like';

describe('residents: startsWithPattern', () => {
  it('appends the wildcard to plain text', () => {
    expect(startsWithPattern('nguyễn')).toBe('nguyễn%');
  });

  it('escapes the characters LIKE gives a meaning to', () => {
    expect(startsWithPattern('50%_a\\b')).toBe('50\\%\\_a\\\\b%');
  });
});
