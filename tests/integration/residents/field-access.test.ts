import type { Scope } from '../../../lib/auth';
import { residentsSubgraph } from '../../../subgraphs/residents';
import { postAs, postGraphQL } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { accessed, fieldError, missingScope, officer } from '../../support/access-fixtures';
import { sortedIds, syntheticPopulation } from './synthetic-population';

const population = syntheticPopulation();
/** A resident of Huế with a phone number and an e-mail address. */
const resident = population.citizens.find((c) => c.provinceCode === '46' && c.phone && c.email)!;
/** Someone with every contact and sensitive field filled in. */
const believer = population.citizens.find((c) => c.phone && c.email && c.religion)!;
const household = population.households.find((h) => h.id === resident.householdId)!;
const livingInHue = population.citizens.filter((c) => c.provinceCode === '46' && c.deathDate === null).length;

/** Reads basic resident data of Huế and its population; no contact or sensitive data. */
const OFFICER_46 = officer('province-officer', '46');
/** Aggregates only. */
const ANALYST_46 = officer('province-analyst', '46');
/** Civil servants and staffing, nothing of residents. */
const MANAGER = officer('civil-service-manager');

const CITIZEN = (selection: string) => `query ($id: PersonalId!) { citizen(personalId: $id) { ${selection} } }`;
const ENTITIES = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const KEY_SCOPES = ['residents:read', 'civil-servants:read', 'dossiers:read', 'payments:read', 'audit:self', 'audit:read'] as const;

const subgraph = useTestSubgraph(residentsSubgraph);

describe('residents: field rules, checked again from the signed caller', () => {
  it('refuses citizen and household to a caller without residents:read, and answers the rest', async () => {
    const query = 'query ($id: PersonalId!, $household: ID!) { citizen(personalId: $id) { fullName } household(id: $household) { address } province(code: "46") { name } }';
    const response = await postAs(ANALYST_46, subgraph.url, query, { id: resident.personalId, household: household.id });
    expect(response).toEqual({
      status: 200,
      body: {
        data: { citizen: null, household: null, province: { name: 'Huế' } },
        errors: [missingScope('Query.citizen', 'residents:read', ['citizen']), missingScope('Query.household', 'residents:read', ['household'])],
      },
    });
  });

  it('refuses the citizens list to a caller without residents:read, and nulls nothing else', async () => {
    const response = await postAs(ANALYST_46, subgraph.url, '{ citizens { edges { node { personalId } } } province(code: "46") { name } }');
    expect(response.body).toEqual({ data: { citizens: null, province: { name: 'Huế' } }, errors: [missingScope('Query.citizens', 'residents:read', ['citizens'])] });
  });

  it('answers basic data without phone and e-mail to a caller without residents:contact', async () => {
    const response = await postAs(OFFICER_46, subgraph.url, CITIZEN('fullName phone email'), { id: resident.personalId });
    expect(response.body).toEqual({
      data: { citizen: { fullName: resident.fullName, phone: null, email: null } },
      errors: [missingScope('Citizen.phone', 'residents:contact', ['citizen', 'phone']), missingScope('Citizen.email', 'residents:contact', ['citizen', 'email'])],
      extensions: accessed(resident.personalId),
    });
  });

  it('refuses religion and ethnicity to a caller without residents:sensitive, and answers the rest of the citizen', async () => {
    const religion = await postAs(OFFICER_46, subgraph.url, CITIZEN('fullName religion'), { id: resident.personalId });
    expect(religion.body).toEqual({
      data: { citizen: { fullName: resident.fullName, religion: null } },
      errors: [missingScope('Citizen.religion', 'residents:sensitive', ['citizen', 'religion'])],
      extensions: accessed(resident.personalId),
    });
    const ethnicity = await postAs(OFFICER_46, subgraph.url, CITIZEN('fullName ethnicity'), { id: resident.personalId });
    expect(ethnicity.body).toEqual({
      data: { citizen: { fullName: resident.fullName, ethnicity: null } },
      errors: [missingScope('Citizen.ethnicity', 'residents:sensitive', ['citizen', 'ethnicity'])],
      extensions: accessed(resident.personalId),
    });
  });

  it('answers contact and sensitive data to a caller holding their scopes', async () => {
    const caller = officer('auditor', undefined, { scopes: ['residents:read', 'residents:contact', 'residents:sensitive'] });
    const response = await postAs(caller, subgraph.url, CITIZEN('phone email ethnicity religion'), { id: believer.personalId });
    expect(response.body).toEqual({
      data: { citizen: { phone: believer.phone, email: believer.email, ethnicity: believer.ethnicity, religion: believer.religion } },
      extensions: accessed(believer.personalId),
    });
  });

  it.each(KEY_SCOPES)('lets a caller holding only %s read the Citizen key', async (scope: Scope) => {
    const response = await postAs(officer('auditor', undefined, { scopes: [scope] }), subgraph.url, ENTITIES('... on Citizen { personalId }'), {
      r: [{ __typename: 'Citizen', personalId: resident.personalId }],
    });
    expect(response.body).toEqual({ data: { _entities: [{ personalId: resident.personalId }] }, extensions: accessed(resident.personalId) });
  });

  it('refuses the Citizen key to a caller with none of its scopes, nulling the key alone', async () => {
    const response = await postAs(ANALYST_46, subgraph.url, ENTITIES('... on Citizen { personalId }'), { r: [{ __typename: 'Citizen', personalId: resident.personalId }] });
    expect(response.body).toEqual({
      data: { _entities: [{ personalId: null }] },
      errors: [missingScope('Citizen.personalId', KEY_SCOPES.join(' or '), ['_entities', 0, 'personalId'])],
    });
  });

  it('refuses a household reference\'s fields to a caller without residents:read', async () => {
    const response = await postAs(MANAGER, subgraph.url, ENTITIES('... on Household { id }'), { r: [{ __typename: 'Household', id: household.id }] });
    expect(response.body).toEqual({ data: { _entities: [{ id: null }] }, errors: [missingScope('Household.id', 'residents:read', ['_entities', 0, 'id'])] });
  });

  it('refuses a province\'s population to a caller without population:aggregate, and answers its name', async () => {
    const response = await postAs(MANAGER, subgraph.url, '{ province(code: "46") { name population { total } } }');
    expect(response.body).toEqual({
      data: { province: { name: 'Huế', population: null } },
      errors: [missingScope('Province.population', 'population:aggregate', ['province', 'population'])],
    });
  });

  it('answers reference data to any signed caller, even one holding no scope', async () => {
    const response = await postAs(officer('auditor', undefined, { scopes: [] }), subgraph.url, '{ province(code: "46") { code name kind legacyCodes } provinces { code } }');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      province: { code: '46', name: 'Huế', kind: 'CITY', legacyCodes: ['046'] },
      provinces: expect.arrayContaining([{ code: '01' }, { code: '46' }]),
    });
  });

  it('refuses personal data to a caller who states no purpose, and answers the aggregates', async () => {
    const query = 'query ($id: PersonalId!) { citizen(personalId: $id) { fullName } province(code: "46") { name population { total } } }';
    const response = await postAs({ ...OFFICER_46, purpose: null }, subgraph.url, query, { id: resident.personalId });
    expect(response.body).toEqual({
      data: { citizen: null, province: { name: 'Huế', population: { total: livingInHue } } },
      errors: [fieldError('PURPOSE_REQUIRED', 'Query.citizen is personal data: state the purpose of access in the x-purpose header or the token\'s purpose claim.', ['citizen'])],
    });
  });

  it('refuses a citizen reference without a purpose too', async () => {
    const response = await postAs({ ...OFFICER_46, purpose: null }, subgraph.url, ENTITIES('... on Citizen { personalId }'), {
      r: [{ __typename: 'Citizen', personalId: resident.personalId }],
    });
    expect(response.body).toEqual({
      data: { _entities: [{ personalId: null }] },
      errors: [fieldError('PURPOSE_REQUIRED', 'Citizen.personalId is personal data: state the purpose of access in the x-purpose header or the token\'s purpose claim.', ['_entities', 0, 'personalId'])],
    });
  });
});

describe('residents: the access report of each response', () => {
  it('names the citizens of a page, and no one of the next', async () => {
    const response = await postGraphQL(subgraph.url, '{ citizens(first: 5) { edges { node { fullName } } } }');
    expect(response.body.extensions).toEqual(accessed(...sortedIds(population.citizens).slice(0, 5)));
  });

  it('names a household\'s head for its address alone, and each member whose data is shown', async () => {
    const address = await postGraphQL(subgraph.url, 'query ($id: ID!) { household(id: $id) { address } }', { id: household.id });
    expect(address.body).toEqual({ data: { household: { address: household.address } }, extensions: accessed(household.headId) });
    const members = await postGraphQL(subgraph.url, 'query ($id: ID!) { household(id: $id) { members { fullName } } }', { id: household.id });
    expect(members.body.extensions).toEqual(accessed(...household.members.map((m) => m.personalId)));
  });

  it('names no one for reference data and aggregates', async () => {
    const response = await postGraphQL<object>(subgraph.url, '{ provinces { code name population { total } } }');
    expect(Object.keys(response.body)).toEqual(['data']);
  });
});
