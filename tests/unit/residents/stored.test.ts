import { stored } from '../../../subgraphs/residents/data/stored';

describe('residents: stored', () => {
  it('passes a record through', () => {
    expect(stored({ id: 'HK000000001' }, 'household', 'HK000000001')).toEqual({ id: 'HK000000001' });
  });

  it('treats a key that leads nowhere as corrupt data: a plain error, which clients see masked', () => {
    expect(() => stored(null, 'household', 'HK000000009')).toThrow(new Error('Dangling household HK000000009 in the population database'));
  });
});
