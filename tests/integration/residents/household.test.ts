import { provinceByCode } from '../../../lib/domain';
import { COMMUNES } from '../../../lib/synthetic';
import { residentsSubgraph } from '../../../subgraphs/residents';
import { postGraphQL } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { accessed } from '../../support/access-fixtures';
import { syntheticPopulation } from './synthetic-population';

const population = syntheticPopulation();

const HOUSEHOLD = `
  query Household($id: ID!) {
    household(id: $id) {
      id address
      head { personalId relationshipToHead }
      members { personalId relationshipToHead household { id } }
      province { code name }
      commune { code name kind }
    }
  }`;

describe('residents: household', () => {
  const subgraph = useTestSubgraph(residentsSubgraph);

  it('returns a household with its head first among its members, then the others from the oldest', async () => {
    const household = population.households.find((h) => h.members.length >= 4)!;
    const [head, ...others] = household.members;
    others.sort((a, b) => a.birthDate.localeCompare(b.birthDate) || a.personalId.localeCompare(b.personalId));
    const commune = COMMUNES.find((c) => c.code === household.communeCode)!;
    const response = await postGraphQL(subgraph.url, HOUSEHOLD, { id: household.id });
    expect(response.body).toEqual({
      data: {
        household: {
          id: household.id,
          address: household.address,
          head: { personalId: head!.personalId, relationshipToHead: 'HEAD' },
          members: [head!, ...others].map((m) => ({ personalId: m.personalId, relationshipToHead: m.relationshipToHead, household: { id: household.id } })),
          province: { code: household.provinceCode, name: provinceByCode(household.provinceCode)!.name },
          commune: { code: commune.code, name: commune.name, kind: commune.kind },
        },
      },
      extensions: accessed(...household.members.map((m) => m.personalId)),
    });
  });

  it('loads the members of many households in one statement', async () => {
    const before = subgraph.db.statements.count;
    const heads = population.households.slice(0, 25).map((h) => h.headId);
    const response = await postGraphQL<{ _entities: { household: { members: { personalId: string }[] } }[] }>(
      subgraph.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { household { members { personalId } } } } }',
      { r: heads.map((personalId) => ({ __typename: 'Citizen', personalId })) },
    );
    // citizens, households, members
    expect(subgraph.db.statements.count - before).toBe(3);
    expect(response.body.data?._entities.map((e) => e.household.members.length)).toEqual(population.households.slice(0, 25).map((h) => h.members.length));
  });

  it('answers an unknown household with null and NOT_FOUND', async () => {
    const response = await postGraphQL(subgraph.url, HOUSEHOLD, { id: 'HK999999999' });
    expect(response.body).toEqual({
      data: { household: null },
      errors: [expect.objectContaining({ message: 'No household with key HK999999999.', path: ['household'], extensions: { code: 'NOT_FOUND' } })],
    });
  });
});
