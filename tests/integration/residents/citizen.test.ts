import { LEGACY_PROVINCES, provinceByCode } from '../../../lib/domain';
import { COMMUNES, type SyntheticCitizen } from '../../../lib/synthetic';
import { residentsSubgraph } from '../../../subgraphs/residents';
import { postGraphQL } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { accessed } from '../../support/access-fixtures';
import { syntheticPopulation } from './synthetic-population';

const population = syntheticPopulation();

const CITIZEN = `
  query Citizen($personalId: PersonalId!) {
    citizen(personalId: $personalId) {
      personalId fullName surname middleName givenName sex birthDate
      birthRegistrationProvince { code name } hometown { code name }
      province { code name kind legacyCodes } commune { code name kind }
      address ethnicity religion bloodType maritalStatus deceased deathDate
      household { id } relationshipToHead
      father { personalId } mother { personalId } spouse { personalId } children { personalId }
      phone email nationality
    }
  }`;

const legacy = (code: string) => ({ code, name: LEGACY_PROVINCES[code] });
const ref = (personalId: string | null) => (personalId === null ? null : { personalId });

/** The response the contract promises for a generated citizen (age is checked on its own). */
function expectedCitizen(c: SyntheticCitizen) {
  const province = provinceByCode(c.provinceCode)!;
  const commune = COMMUNES.find((m) => m.code === c.communeCode)!;
  const children = population.citizens
    .filter((m) => m.fatherId === c.personalId || m.motherId === c.personalId)
    .sort((a, b) => a.birthDate.localeCompare(b.birthDate) || a.personalId.localeCompare(b.personalId));
  return {
    personalId: c.personalId,
    fullName: c.fullName,
    surname: c.surname,
    middleName: c.middleName,
    givenName: c.givenName,
    sex: c.sex,
    birthDate: c.birthDate,
    birthRegistrationProvince: legacy(c.birthRegistrationCode),
    hometown: legacy(c.hometownCode),
    province: { code: province.code, name: province.name, kind: province.kind.toUpperCase(), legacyCodes: [...province.legacyCodes] },
    commune: { code: commune.code, name: commune.name, kind: commune.kind },
    address: c.address,
    ethnicity: c.ethnicity,
    religion: c.religion,
    bloodType: c.bloodType,
    maritalStatus: c.maritalStatus,
    deceased: c.deathDate !== null,
    deathDate: c.deathDate,
    household: { id: c.householdId },
    relationshipToHead: c.relationshipToHead,
    father: ref(c.fatherId),
    mother: ref(c.motherId),
    spouse: ref(c.spouseId),
    children: children.map((m) => ({ personalId: m.personalId })),
    phone: c.phone,
    email: c.email,
    nationality: 'VN',
  };
}

/** Whose personal data the query reads: the citizen, their household's head and their relatives. */
function readCitizens(c: SyntheticCitizen) {
  const { father, mother, spouse, children } = expectedCitizen(c);
  const head = population.households.find((h) => h.id === c.householdId)!.headId;
  return accessed(c.personalId, head, father?.personalId, mother?.personalId, spouse?.personalId, ...children.map((m) => m.personalId));
}

describe('residents: citizen', () => {
  const subgraph = useTestSubgraph(residentsSubgraph);

  it('returns a married head of household with spouse, children and places resolved', async () => {
    const head = population.citizens.find(
      (c) => c.relationshipToHead === 'HEAD' && c.spouseId && population.citizens.some((m) => m.fatherId === c.personalId || m.motherId === c.personalId),
    )!;
    const response = await postGraphQL(subgraph.url, CITIZEN, { personalId: head.personalId });
    expect(response).toEqual({ status: 200, body: { data: { citizen: expectedCitizen(head) }, extensions: readCitizens(head) } });
  });

  it('returns a child with father and mother, and a parent of the head living with them', async () => {
    const child = population.citizens.find((c) => c.relationshipToHead === 'CHILD' && c.fatherId && c.motherId)!;
    const parent = population.citizens.find((c) => c.relationshipToHead === 'PARENT')!;
    for (const citizen of [child, parent]) {
      const response = await postGraphQL(subgraph.url, CITIZEN, { personalId: citizen.personalId });
      expect(response.body).toEqual({ data: { citizen: expectedCitizen(citizen) }, extensions: readCitizens(citizen) });
    }
  });

  it('gives the age in whole years today, and the age at death for the deceased', async () => {
    const living = population.citizens.find((c) => c.deathDate === null && c.birthDate < '2000-01-01')!;
    const dead = population.citizens.find((c) => c.deathDate !== null)!;
    const query = 'query($id: PersonalId!) { citizen(personalId: $id) { age deceased } }';
    const years = (from: string, to: string) => Number(to.slice(0, 4)) - Number(from.slice(0, 4));
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

    const alive = await postGraphQL<{ citizen: { age: number; deceased: boolean } }>(subgraph.url, query, { id: living.personalId });
    expect(alive.body.data?.citizen.deceased).toBe(false);
    expect([years(living.birthDate, today) - 1, years(living.birthDate, today)]).toContain(alive.body.data?.citizen.age);

    const died = await postGraphQL<{ citizen: { age: number; deceased: boolean } }>(subgraph.url, query, { id: dead.personalId });
    expect(died.body.data?.citizen.deceased).toBe(true);
    expect([years(dead.birthDate, dead.deathDate!) - 1, years(dead.birthDate, dead.deathDate!)]).toContain(died.body.data?.citizen.age);
  });

  it('answers an unknown personal ID with null and NOT_FOUND', async () => {
    const unknown = '001199999999';
    expect(population.byId.has(unknown)).toBe(false);
    const response = await postGraphQL(subgraph.url, CITIZEN, { personalId: unknown });
    expect(response.body).toEqual({
      data: { citizen: null },
      errors: [{ message: `No citizen with key ${unknown}.`, locations: expect.any(Array), path: ['citizen'], extensions: { code: 'NOT_FOUND' } }],
    });
  });

  it.each([
    ['too short', '12345'],
    ['an unknown province prefix', '999198000001'],
    ['letters', '00119800000A'],
  ])('rejects a personal ID that is %s with INVALID_PERSONAL_ID, as a variable and as a literal', async (_reason, personalId) => {
    const asVariable = await postGraphQL(subgraph.url, CITIZEN, { personalId });
    const asLiteral = await postGraphQL(subgraph.url, `{ citizen(personalId: "${personalId}") { personalId } }`);
    for (const response of [asVariable, asLiteral]) {
      expect(response.status).toBe(400);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors).toEqual([
        expect.objectContaining({ message: expect.stringContaining('Invalid PersonalId'), extensions: { code: 'INVALID_PERSONAL_ID' } }),
      ]);
    }
  });

  it('masks a dangling household link as an internal error, with no SQL or stack in the response, and reports the attempted read', async () => {
    const citizen = population.citizens[10]!;
    await subgraph.db.pool.query(`UPDATE citizens SET household_id = 'HK999999999' WHERE personal_id = $1`, [citizen.personalId]);
    try {
      const response = await postGraphQL(subgraph.url, 'query($id: PersonalId!) { citizen(personalId: $id) { household { id } } }', { id: citizen.personalId });
      expect(response.body).toEqual({
        data: { citizen: { household: null } },
        errors: [{ message: 'Internal server error.', locations: expect.any(Array), path: ['citizen', 'household'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        extensions: accessed(citizen.personalId),
      });
    } finally {
      await subgraph.db.pool.query(`UPDATE citizens SET household_id = $2 WHERE personal_id = $1`, [citizen.personalId, citizen.householdId]);
    }
  });
});
