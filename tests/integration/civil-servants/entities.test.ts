import { civilServantsSubgraph } from '../../../subgraphs/civil-servants';
import { postGraphQL } from '../../support/graphql-client';
import { testSeed, useTestSubgraph } from '../../support/test-subgraph';
import { accessed } from '../../support/access-fixtures';
import { expectedCivilServants, nonServantIds } from './synthetic';

const options = testSeed();
const servants = expectedCivilServants(options).slice(0, 30);
const subgraph = useTestSubgraph(civilServantsSubgraph, options);

const entities = async <T>(selection: string, representations: object[]) => {
  const before = subgraph.db.statements.count;
  const response = await postGraphQL<{ _entities: T[] }>(subgraph.url, `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, {
    r: representations,
  });
  return { response, statements: subgraph.db.statements.count - before };
};

describe('civil-servants: _entities references', () => {
  test('resolves 30 CivilServant references in one statement, and their agencies in one more', async () => {
    const representations = servants.map(({ person }) => ({ __typename: 'CivilServant', personalId: person.personalId }));
    const plain = await entities<{ personalId: string }>('... on CivilServant { personalId }', representations);
    expect(plain.statements).toBe(1);
    expect(plain.response.body).toEqual({
      data: { _entities: servants.map(({ person }) => ({ personalId: person.personalId })) },
      extensions: accessed(...servants.map(({ person }) => person.personalId)),
    });

    const withAgency = await entities<{ agency: { code: string } }>('... on CivilServant { agency { code } }', representations);
    expect(withAgency.statements).toBe(2);
    expect(withAgency.response.body.data!._entities.map((s) => s.agency.code)).toEqual(servants.map(({ person }) => person.agencyCode));
  });

  test('resolves 30 Citizen.civilServant look-ups in one statement, null for citizens who are not servants', async () => {
    const others = nonServantIds(options, 15);
    const ids = [...servants.slice(0, 15).map(({ person }) => person.personalId), ...others];
    const { response, statements } = await entities<unknown>(
      '... on Citizen { personalId civilServant { personalId } }',
      ids.map((personalId) => ({ __typename: 'Citizen', personalId })),
    );
    expect(statements).toBe(1);
    expect(response.body).toEqual({
      data: { _entities: ids.map((personalId, i) => ({ personalId, civilServant: i < 15 ? { personalId } : null })) },
      // Every personal ID in the answer is named, a non-servant's included: it leaves with the answer.
      extensions: accessed(...ids),
    });
  });

  test('resolves Agency references in one statement and unknown keys of every entity to null without errors', async () => {
    const { response, statements } = await entities<unknown>('... on Agency { code level } ... on CivilServant { personalId } ... on Citizen { personalId }', [
      { __typename: 'Agency', code: '01.SNV' },
      { __typename: 'Agency', code: 'BNV' },
      { __typename: 'Agency', code: 'NOPE' },
      { __typename: 'CivilServant', personalId: nonServantIds(options, 1)[0] },
      { __typename: 'Citizen', personalId: 'not-an-id' },
    ]);
    expect(statements).toBe(2);
    expect(response.body).toEqual({
      data: { _entities: [{ code: '01.SNV', level: 'PROVINCE' }, { code: 'BNV', level: 'CENTRAL' }, null, null, null] },
    });
  });
});
