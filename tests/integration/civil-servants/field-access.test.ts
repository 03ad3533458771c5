import { civilServantsSubgraph } from '../../../subgraphs/civil-servants';
import { postAs } from '../../support/graphql-client';
import { testSeed, useTestSubgraph } from '../../support/test-subgraph';
import { accessed, fieldError, missingScope, officer } from '../../support/access-fixtures';
import { expectedCivilServants } from './synthetic';

const options = testSeed();
const expected = expectedCivilServants(options);
/** The one servant of Huế, and one of Hà Nội. */
const hue = expected.find(({ person }) => person.provinceCode === '46')!;
const hanoi = expected.find(({ person }) => person.provinceCode === '01')!;
const headcount = (agencyCode: string) => expected.filter(({ person }) => person.agencyCode === agencyCode).length;

/** Reads e-dossiers of Huế and its staffing; nothing sensitive. */
const OFFICER_46 = officer('province-officer', '46');
/** Aggregates only. */
const ANALYST_46 = officer('province-analyst', '46');
/** Dossiers and payments: reaches servants by their key only. */
const PAYMENTS_46 = officer('payments-officer', '46');
/** E-dossiers, sensitive groups included, of the whole country. */
const MANAGER = officer('civil-service-manager');

const SERVANT = (selection: string) => `query ($id: PersonalId!) { civilServant(personalId: $id) { ${selection} } }`;
const ENTITIES = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const servantRef = (personalId: string) => ({ r: [{ __typename: 'CivilServant', personalId }] });

const subgraph = useTestSubgraph(civilServantsSubgraph, options);

describe('civil-servants: field rules, checked again from the signed caller', () => {
  it('refuses an e-dossier to a caller without civil-servants:read, and answers the agency', async () => {
    const query = 'query ($id: PersonalId!) { civilServant(personalId: $id) { position } agency(code: "46.SNV") { name } }';
    const response = await postAs(ANALYST_46, subgraph.url, query, { id: hue.person.personalId });
    expect(response).toEqual({
      status: 200,
      body: { data: { civilServant: null, agency: { name: 'Sở Nội vụ thành phố Huế' } }, errors: [missingScope('Query.civilServant', 'civil-servants:read', ['civilServant'])] },
    });
  });

  it('answers an e-dossier without the health class to a caller without civil-servants:sensitive', async () => {
    const response = await postAs(OFFICER_46, subgraph.url, SERVANT('position healthStatus'), { id: hue.person.personalId });
    expect(response.body).toEqual({
      data: { civilServant: { position: hue.details.position, healthStatus: null } },
      errors: [missingScope('CivilServant.healthStatus', 'civil-servants:sensitive', ['civilServant', 'healthStatus'])],
      extensions: accessed(hue.person.personalId),
    });
  });

  it.each(['partyMember', 'declaredAnnualIncome'])('refuses %s, a sensitive field, and answers the rest of the e-dossier', async (field) => {
    const response = await postAs(OFFICER_46, subgraph.url, SERVANT(`position ${field}`), { id: hue.person.personalId });
    expect(response.body).toEqual({
      data: { civilServant: { position: hue.details.position, [field]: null } },
      errors: [missingScope(`CivilServant.${field}`, 'civil-servants:sensitive', ['civilServant', field])],
      extensions: accessed(hue.person.personalId),
    });
  });

  it('answers the sensitive fields to a civil-service manager', async () => {
    const response = await postAs(MANAGER, subgraph.url, SERVANT('partyMember declaredAnnualIncome healthStatus'), { id: hanoi.person.personalId });
    const { partyMember, declaredAnnualIncome, healthStatus } = hanoi.details;
    expect(response.body).toEqual({ data: { civilServant: { partyMember, declaredAnnualIncome, healthStatus } }, extensions: accessed(hanoi.person.personalId) });
  });

  it('lets a caller with dossiers:read resolve a servant by key, and nothing more', async () => {
    const key = await postAs(PAYMENTS_46, subgraph.url, ENTITIES('... on CivilServant { personalId }'), servantRef(hue.person.personalId));
    expect(key.body).toEqual({ data: { _entities: [{ personalId: hue.person.personalId }] }, extensions: accessed(hue.person.personalId) });
    const more = await postAs(PAYMENTS_46, subgraph.url, ENTITIES('... on CivilServant { personalId position }'), servantRef(hue.person.personalId));
    expect(more.body).toEqual({
      data: { _entities: [{ personalId: hue.person.personalId, position: null }] },
      errors: [missingScope('CivilServant.position', 'civil-servants:read', ['_entities', 0, 'position'])],
      extensions: accessed(hue.person.personalId),
    });
  });

  it('refuses the servant key to a caller who may read residents only', async () => {
    const residentsOnly = officer('auditor', undefined, { scopes: ['residents:read'] });
    const response = await postAs(residentsOnly, subgraph.url, ENTITIES('... on CivilServant { personalId }'), servantRef(hue.person.personalId));
    expect(response.body).toEqual({
      data: { _entities: [{ personalId: null }] },
      errors: [missingScope('CivilServant.personalId', 'civil-servants:read or dossiers:read', ['_entities', 0, 'personalId'])],
    });
  });

  it('answers a citizen\'s key but not their e-dossier to a caller without civil-servants:read', async () => {
    const response = await postAs(PAYMENTS_46, subgraph.url, ENTITIES('... on Citizen { personalId civilServant { personalId } }'), {
      r: [{ __typename: 'Citizen', personalId: hue.person.personalId }],
    });
    expect(response.body).toEqual({
      data: { _entities: [{ personalId: hue.person.personalId, civilServant: null }] },
      errors: [missingScope('Citizen.civilServant', 'civil-servants:read', ['_entities', 0, 'civilServant'])],
      extensions: accessed(hue.person.personalId),
    });
  });

  it('refuses staffing figures to a caller without staffing:aggregate, and answers the rest', async () => {
    const staffing = await postAs(PAYMENTS_46, subgraph.url, ENTITIES('... on Province { code staffing { agencies } }'), { r: [{ __typename: 'Province', code: '46' }] });
    expect(staffing.body).toEqual({
      data: { _entities: [{ code: '46', staffing: null }] },
      errors: [missingScope('Province.staffing', 'staffing:aggregate', ['_entities', 0, 'staffing'])],
    });
    const count = await postAs(PAYMENTS_46, subgraph.url, '{ agency(code: "46.SNV") { name civilServantCount } }');
    expect(count.body).toEqual({
      data: { agency: { name: 'Sở Nội vụ thành phố Huế', civilServantCount: null } },
      errors: [missingScope('Agency.civilServantCount', 'staffing:aggregate', ['agency', 'civilServantCount'])],
    });
  });

  it('answers agencies to any signed caller, even one holding no scope', async () => {
    const response = await postAs(officer('auditor', undefined, { scopes: [] }), subgraph.url, '{ agency(code: "46.SNV") { code level province { code } parent { code } } }');
    expect(response.body).toEqual({ data: { agency: { code: '46.SNV', level: 'PROVINCE', province: { code: '46' }, parent: { code: '46.UBND' } } } });
  });

  it('refuses an e-dossier to a caller who states no purpose, and answers the head count', async () => {
    const query = 'query ($id: PersonalId!) { civilServant(personalId: $id) { position } agency(code: "46.SNV") { civilServantCount } }';
    const response = await postAs({ ...OFFICER_46, purpose: null }, subgraph.url, query, { id: hue.person.personalId });
    expect(response.body).toEqual({
      data: { civilServant: null, agency: { civilServantCount: headcount('46.SNV') } },
      errors: [fieldError('PURPOSE_REQUIRED', 'Query.civilServant is personal data: state the purpose of access in the x-purpose header or the token\'s purpose claim.', ['civilServant'])],
    });
  });
});
