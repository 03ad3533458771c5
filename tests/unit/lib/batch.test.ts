import { alignByKey, groupByKeys } from '../../../lib/db';

describe('lib/db: alignByKey', () => {
  it('answers each key with its row, in key order, and null where no row has it', () => {
    const rows = [{ id: 'b' }, { id: 'a' }];
    expect(alignByKey(['a', 'x', 'b', 'a'], rows, (r) => r.id)).toEqual([{ id: 'a' }, null, { id: 'b' }, { id: 'a' }]);
  });
});

describe('lib/db: groupByKeys', () => {
  it('keeps row order inside each group and gives an empty list to keys without rows', () => {
    const rows = [
      { id: 1, household: 'h2' },
      { id: 2, household: 'h1' },
      { id: 3, household: 'h2' },
    ];
    expect(groupByKeys(['h1', 'h2', 'h3'], rows, (r) => [r.household])).toEqual([[rows[1]], [rows[0], rows[2]], []]);
  });

  it('puts a row with two keys, such as a child of two parents, into both groups and skips null keys', () => {
    const child = { father: 'f', mother: 'm' };
    const orphan = { father: null, mother: 'm' };
    expect(groupByKeys(['f', 'm'], [child, orphan], (r) => [r.father, r.mother])).toEqual([[child], [child, orphan]]);
  });
});
