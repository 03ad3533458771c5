import type { PathStep } from '../../../gateway/access/path-step';
import { restoreRemovedFields } from '../../../gateway/access/response-removals';

const field = (key: string, nullable: boolean, items: boolean[] = []): PathStep => ({ key, nullable, items });

describe('Restoring removed fields in a response', () => {
  test('a removed nullable field reads null', () => {
    const data = { citizen: { fullName: 'An' } };
    expect(restoreRemovedFields(data, [[field('citizen', true), field('phone', true)]], [])).toEqual({ citizen: { fullName: 'An', phone: null } });
  });

  test('a removed non-null field nulls its object when that is nullable', () => {
    const data = { citizen: { fullName: 'An' } };
    expect(restoreRemovedFields(data, [[field('citizen', true), field('religion', false)]], [])).toEqual({ citizen: null });
  });

  test('in a list of nullable items, each item holding the field becomes null', () => {
    const data = { roster: [{ fullName: 'An' }, null, { fullName: 'Bình' }] };
    expect(restoreRemovedFields(data, [[field('roster', true, [true]), field('religion', false)]], [])).toEqual({ roster: [null, null, null] });
  });

  test('through non-null items and a non-null list the null reaches the nearest nullable ancestor', () => {
    const data = { province: { residents: [{ fullName: 'An' }] } };
    const steps = [field('province', true), field('residents', false, [false]), field('religion', false)];
    expect(restoreRemovedFields(data, [steps], [])).toEqual({ province: null });
  });

  test('when nothing on the way is nullable the whole data becomes null', () => {
    expect(restoreRemovedFields({ citizens: [{ fullName: 'An' }] }, [[field('citizens', false, [false]), field('religion', false)]], [])).toBeNull();
  });

  test('lists of lists are walked at every depth', () => {
    const data = { pages: [[{ a: 1 }], [{ a: 2 }, { a: 3 }]] };
    expect(restoreRemovedFields(data, [[field('pages', true, [true, true]), field('b', true)]], [])).toEqual({
      pages: [[{ a: 1, b: null }], [{ a: 2, b: null }, { a: 3, b: null }]],
    });
  });

  test('a parent already null (an error elsewhere) stays as it is', () => {
    expect(restoreRemovedFields({ citizen: null }, [[field('citizen', true), field('phone', true)]], [])).toEqual({ citizen: null });
  });

  test('placeholder __typenames leave before the nulls go in', () => {
    const data = { citizens: [{ __typename: 'Citizen' }, { __typename: 'Citizen' }] };
    const citizens = field('citizens', false, [false]);
    expect(restoreRemovedFields(data, [[citizens, field('phone', true)]], [[citizens]])).toEqual({ citizens: [{ phone: null }, { phone: null }] });
  });

  test('a root placeholder leaves the root', () => {
    expect(restoreRemovedFields({ __typename: 'Query' }, [[field('citizen', true)]], [[]])).toEqual({ citizen: null });
  });

  test('no data stays no data', () => {
    expect(restoreRemovedFields(undefined, [[field('citizen', true)]], [])).toBeUndefined();
  });
});
