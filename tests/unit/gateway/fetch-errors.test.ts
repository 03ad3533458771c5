import { withErrorPaths } from '../../../gateway/fetch-errors';
import { fetchPaths } from '../../../gateway/fetch-paths';

const UNAVAILABLE = { message: 'The jobs subgraph is unavailable.', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } };
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Citizen { __typename job: position { title } ...Pay }
  ... on Province { staffing { agencies } }
} }
fragment Pay on Citizen { salary }`;
const representations = [{ __typename: 'Citizen', personalId: '1' }, { __typename: 'Province', code: '46' }, { __typename: 'Citizen', personalId: '2' }];

describe('Fetch paths: where the fields a subgraph fetch fills sit in its answer', () => {
  test('a root fetch fills its top-level fields, by alias, whatever fragments hold them', () => {
    expect(fetchPaths('query { a: citizen(personalId: "1") { fullName } ...Rest __typename } fragment Rest on Query { provinces { code } }', {})).toEqual([['a'], ['provinces']]);
  });

  test('an entity fetch fills, for each representation, the fields its type selects', () => {
    expect(fetchPaths(ENTITIES, { representations })).toEqual([
      ['_entities', 0, 'job'],
      ['_entities', 0, 'salary'],
      ['_entities', 1, 'staffing'],
      ['_entities', 2, 'job'],
      ['_entities', 2, 'salary'],
    ]);
  });
});

describe('Fetch errors: every error a subgraph fetch hands @apollo/gateway has a path', () => {
  test('an answer whose errors all have paths is passed on as it is', () => {
    const answer = { data: { a: null }, errors: [{ message: 'No citizen.', path: ['a'], extensions: { code: 'NOT_FOUND' } }] };
    expect(withErrorPaths(answer, { query: '{ a: citizen { fullName } }' }, UNAVAILABLE)).toBe(answer);
  });

  test('an unreachable subgraph is unavailable at each field of each entity the fetch was to fill', () => {
    expect(withErrorPaths({ errors: [UNAVAILABLE] }, { query: ENTITIES, variables: { representations: representations.slice(0, 2) } }, UNAVAILABLE)).toEqual({
      errors: [
        { ...UNAVAILABLE, path: ['_entities', 0, 'job'] },
        { ...UNAVAILABLE, path: ['_entities', 0, 'salary'] },
        { ...UNAVAILABLE, path: ['_entities', 1, 'staffing'] },
      ],
    });
  });

  test('a request the subgraph refused whole (a variable that failed coercion) is refused at each root field', () => {
    const refused = { message: 'Not a personal ID.', extensions: { code: 'INVALID_PERSONAL_ID' } };
    expect(withErrorPaths({ errors: [refused] }, { query: 'query ($id: PersonalId!) { citizen(personalId: $id) { fullName } }' }, UNAVAILABLE)).toEqual({
      errors: [{ ...refused, path: ['citizen'] }],
    });
  });

  test('an entity answer of the wrong length is dropped, with the subgraph unavailable in its place', () => {
    const answer = { data: { _entities: [{ salary: 1 }] }, extensions: { lienthong: {} } };
    expect(withErrorPaths(answer, { query: ENTITIES, variables: { representations: representations.slice(1, 3) } }, UNAVAILABLE)).toEqual({
      extensions: { lienthong: {} },
      errors: [
        { ...UNAVAILABLE, path: ['_entities', 0, 'staffing'] },
        { ...UNAVAILABLE, path: ['_entities', 1, 'job'] },
        { ...UNAVAILABLE, path: ['_entities', 1, 'salary'] },
      ],
    });
  });

  test('an entity error whose path names no entity is put at every field, as one without a path', () => {
    const broken = { message: 'Internal server error.', path: ['_entities'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(withErrorPaths({ data: { _entities: null }, errors: [broken] }, { query: ENTITIES, variables: { representations: representations.slice(1, 2) } }, UNAVAILABLE)).toEqual({
      errors: [{ ...broken, path: ['_entities', 0, 'staffing'] }],
    });
  });
});
