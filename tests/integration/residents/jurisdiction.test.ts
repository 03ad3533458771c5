import { residentsSubgraph } from '../../../subgraphs/residents';
import { postAs } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { accessed, citizenCaller, officer, withoutKey } from '../../support/access-fixtures';
import { sortedIds, syntheticPopulation } from './synthetic-population';

const population = syntheticPopulation();
const OFFICER_46 = officer('province-officer', '46');

const hanoian = population.citizens.find((c) => c.provinceCode === '01')!;
const hanoiHousehold = population.households.find((h) => h.provinceCode === '01')!;
/** A household of Huế with someone besides its head. */
const hueHousehold = population.households.find((h) => h.provinceCode === '46' && h.members.length >= 2)!;
const [hueHead, hueRelative] = hueHousehold.members;
const hueResidents = sortedIds(population.citizens.filter((c) => c.provinceCode === '46'));
/** A child registered with both parents, in a household of at least three. */
const child = population.citizens.find((c) => c.relationshipToHead === 'CHILD' && c.fatherId && c.motherId)!;
const childsHousehold = population.households.find((h) => h.id === child.householdId)!;

const UNKNOWN_ID = '001199999999';
const UNKNOWN_HOUSEHOLD = 'HK999999999';

const CITIZEN = 'query ($id: PersonalId!) { citizen(personalId: $id) { personalId fullName household { id } } }';
const HOUSEHOLD = 'query ($id: ID!) { household(id: $id) { id address members { personalId } } }';
const ENTITIES = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on Citizen { personalId fullName } ... on Household { id address } }
}`;
const FAMILY = `query ($id: PersonalId!) {
  citizen(personalId: $id) {
    personalId father { personalId } mother { personalId } spouse { personalId } children { personalId }
    household { id head { personalId } members { personalId } }
  }
}`;

const subgraph = useTestSubgraph(residentsSubgraph);

describe('residents: rows outside the caller\'s jurisdiction look exactly like missing rows', () => {
  it('answers an officer of Huế about a Hà Nội citizen exactly as about a personal ID nobody holds', async () => {
    expect(population.byId.has(UNKNOWN_ID)).toBe(false);
    const outside = await postAs(OFFICER_46, subgraph.url, CITIZEN, { id: hanoian.personalId });
    const missing = await postAs(OFFICER_46, subgraph.url, CITIZEN, { id: UNKNOWN_ID });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(withoutKey(outside, hanoian.personalId)).toEqual(withoutKey(missing, UNKNOWN_ID));
  });

  it('answers an officer of Huế about a Hà Nội household exactly as about a household that does not exist', async () => {
    const outside = await postAs(OFFICER_46, subgraph.url, HOUSEHOLD, { id: hanoiHousehold.id });
    const missing = await postAs(OFFICER_46, subgraph.url, HOUSEHOLD, { id: UNKNOWN_HOUSEHOLD });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(withoutKey(outside, hanoiHousehold.id)).toEqual(withoutKey(missing, UNKNOWN_HOUSEHOLD));
  });

  it('lists only the residents of the officer\'s province, whatever the filter asks for', async () => {
    const query = 'query ($filter: CitizenFilter) { citizens(filter: $filter, first: 100) { edges { node { personalId } } pageInfo { hasNextPage } } }';
    const own = await postAs(OFFICER_46, subgraph.url, query, {});
    expect(own.body).toEqual({
      data: { citizens: { edges: hueResidents.map((personalId) => ({ node: { personalId } })), pageInfo: { hasNextPage: false } } },
      extensions: accessed(...hueResidents),
    });
    const other = await postAs(OFFICER_46, subgraph.url, query, { filter: { provinceCode: '01' } });
    expect(other.body).toEqual({ data: { citizens: { edges: [], pageInfo: { hasNextPage: false } } } });
  });

  it('resolves references outside the officer\'s province to null, as it does unknown keys', async () => {
    const response = await postAs(OFFICER_46, subgraph.url, ENTITIES, {
      r: [
        { __typename: 'Citizen', personalId: hueHead!.personalId },
        { __typename: 'Citizen', personalId: hanoian.personalId },
        { __typename: 'Household', id: hueHousehold.id },
        { __typename: 'Household', id: hanoiHousehold.id },
      ],
    });
    expect(response.body).toEqual({
      data: {
        _entities: [{ personalId: hueHead!.personalId, fullName: hueHead!.fullName }, null, { id: hueHousehold.id, address: hueHousehold.address }, null],
      },
      extensions: accessed(hueHead!.personalId),
    });
  });

  it('leaves a relative who moved out of the province out of family links and household members', async () => {
    const moved = hueRelative!;
    await subgraph.db.pool.query(`UPDATE citizens SET province_code = '01' WHERE personal_id = $1`, [moved.personalId]);
    try {
      const response = await postAs<{ citizen: Record<string, unknown> }>(OFFICER_46, subgraph.url, FAMILY, { id: hueHead!.personalId });
      const citizen = response.body.data!.citizen;
      expect(response.body.errors).toBeUndefined();
      expect(JSON.stringify(citizen)).not.toContain(moved.personalId);
      expect(citizen.household).toEqual({
        id: hueHousehold.id,
        head: { personalId: hueHead!.personalId },
        members: hueHousehold.members.filter((m) => m !== moved).map((m) => ({ personalId: m.personalId })),
      });
    } finally {
      await subgraph.db.pool.query(`UPDATE citizens SET province_code = '46' WHERE personal_id = $1`, [moved.personalId]);
    }
  });
});

describe('residents: a citizen signed in for themself', () => {  const self = citizenCaller(child.personalId);

  it('sees their own record and household, and none of their relatives', async () => {
    const response = await postAs(self, subgraph.url, FAMILY, { id: child.personalId });
    expect(response.body).toEqual({
      data: {
        citizen: {
          personalId: child.personalId,
          father: null,
          mother: null,
          spouse: null,
          children: [],
          household: { id: child.householdId, head: null, members: [{ personalId: child.personalId }] },
        },
      },
      // Their household is their head's data too.
      extensions: accessed(child.personalId, childsHousehold.headId),
    });
  });

  it('is answered about their father exactly as about a personal ID nobody holds', async () => {
    const father = await postAs(self, subgraph.url, CITIZEN, { id: child.fatherId });
    const missing = await postAs(self, subgraph.url, CITIZEN, { id: UNKNOWN_ID });
    expect(withoutKey(father, child.fatherId!)).toEqual(withoutKey(missing, UNKNOWN_ID));
  });

  it('is answered about another household exactly as about one that does not exist', async () => {
    const other = await postAs(self, subgraph.url, HOUSEHOLD, { id: hanoiHousehold.id });
    const missing = await postAs(self, subgraph.url, HOUSEHOLD, { id: UNKNOWN_HOUSEHOLD });
    expect(withoutKey(other, hanoiHousehold.id)).toEqual(withoutKey(missing, UNKNOWN_HOUSEHOLD));
  });

  it('finds only themself in the citizens list, and only themself and their household among references', async () => {
    const list = await postAs(self, subgraph.url, '{ citizens(first: 100) { edges { node { personalId } } } }');
    expect(list.body).toEqual({ data: { citizens: { edges: [{ node: { personalId: child.personalId } }] } }, extensions: accessed(child.personalId) });
    const references = await postAs(self, subgraph.url, ENTITIES, {
      r: [
        { __typename: 'Citizen', personalId: child.personalId },
        { __typename: 'Citizen', personalId: child.motherId },
        { __typename: 'Household', id: child.householdId },
        { __typename: 'Household', id: hanoiHousehold.id },
      ],
    });
    expect(references.body.data?._entities).toEqual([{ personalId: child.personalId, fullName: child.fullName }, null, { id: childsHousehold.id, address: childsHousehold.address }, null]);
  });
});
