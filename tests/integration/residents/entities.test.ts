import { residentsSubgraph } from '../../../subgraphs/residents';
import { postGraphQL } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { accessed } from '../../support/access-fixtures';
import { syntheticPopulation } from './synthetic-population';

const population = syntheticPopulation();

const ENTITIES = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Citizen { personalId fullName }
      ... on Household { id head { personalId } }
      ... on Province { code name }
    }
  }`;

const CITIZENS_WITH_LINKS = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Citizen { personalId household { id address } spouse { personalId fullName } }
    }
  }`;

/** Married heads of household: each reference leads to a household and a spouse not among the references. */
const marriedHeads = population.citizens.filter((c) => c.relationshipToHead === 'HEAD' && c.spouseId !== null);
const citizenRef = (personalId: string) => ({ __typename: 'Citizen', personalId });

describe('residents: entity references', () => {
  const subgraph = useTestSubgraph(residentsSubgraph);

  /** Sends one `_entities` request and counts the SQL statements it cost. */
  async function entities(query: string, representations: object[]) {
    const before = subgraph.db.statements.count;
    const response = await postGraphQL<{ _entities: unknown[] }>(subgraph.url, query, { representations });
    return { response, statements: subgraph.db.statements.count - before };
  }

  it('resolves Citizen, Household and Province references in order, unknown keys as null', async () => {
    const [citizen] = population.citizens;
    const [household] = population.households;
    const { response } = await entities(ENTITIES, [
      citizenRef(citizen!.personalId),
      { __typename: 'Household', id: household!.id },
      { __typename: 'Province', code: '46' },
      citizenRef('001199999999'),
      { __typename: 'Household', id: 'HK999999999' },
      { __typename: 'Province', code: '99' },
    ]);
    expect(response.body).toEqual({
      data: {
        _entities: [
          { personalId: citizen!.personalId, fullName: citizen!.fullName },
          { id: household!.id, head: { personalId: household!.headId } },
          { code: '46', name: 'Huế' },
          null,
          null,
          null,
        ],
      },
      extensions: accessed(citizen!.personalId, household!.headId),
    });
  });

  it('resolves 30 citizen references with one statement', async () => {
    const heads = marriedHeads.slice(0, 30);
    const { response, statements } = await entities(ENTITIES, heads.map((c) => citizenRef(c.personalId)));
    expect(response.body.data?._entities).toEqual(heads.map((c) => ({ personalId: c.personalId, fullName: c.fullName })));
    expect(statements).toBe(1);
  });

  it('resolves citizen references with household and spouse in three statements, however many there are', async () => {
    const cost = async (count: number) => {
      const heads = marriedHeads.slice(0, count);
      const { response, statements } = await entities(CITIZENS_WITH_LINKS, heads.map((c) => citizenRef(c.personalId)));
      expect(response.body).toEqual({
        data: {
          _entities: heads.map((c) => {
            const household = population.households.find((h) => h.id === c.householdId)!;
            const spouse = population.byId.get(c.spouseId!)!;
            return {
              personalId: c.personalId,
              household: { id: household.id, address: household.address },
              spouse: { personalId: spouse.personalId, fullName: spouse.fullName },
            };
          }),
        },
        extensions: accessed(...heads.flatMap((c) => [c.personalId, c.spouseId])),
      });
      return statements;
    };
    expect(await cost(30)).toBe(3);
    expect(await cost(5)).toBe(3);
  });
});
