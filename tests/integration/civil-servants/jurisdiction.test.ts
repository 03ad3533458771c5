import { civilServantsSubgraph } from '../../../subgraphs/civil-servants';
import { postAs } from '../../support/graphql-client';
import { testSeed, useTestSubgraph } from '../../support/test-subgraph';
import { accessed, citizenCaller, fieldError, officer, withoutKey } from '../../support/access-fixtures';
import { expectedCivilServants, nonServantIds } from './synthetic';

const options = testSeed();
const expected = expectedCivilServants(options);
const servantOf = (code: string) => expected.find(({ person }) => person.provinceCode === code)!.person;
const hue = servantOf('46');
const hanoi = servantOf('01');
const [nonServant] = nonServantIds(options, 1);
const servantsOf = (code: string) => expected.filter(({ person }) => person.provinceCode === code).length;
const headcount = (agencyCode: string) => expected.filter(({ person }) => person.agencyCode === agencyCode).length;

const OFFICER_46 = officer('province-officer', '46');

const SERVANT = 'query ($id: PersonalId!) { civilServant(personalId: $id) { personalId position agency { code } } }';
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on CivilServant { personalId position } ... on Citizen { civilServant { personalId } } } }';
const refs = (typename: string, ...ids: string[]) => ({ r: ids.map((personalId) => ({ __typename: typename, personalId })) });

const FIGURES = `{
  hue: agency(code: "46.SNV") { civilServantCount }
  hanoi: agency(code: "01.SNV") { civilServantCount }
  _entities(representations: [{ __typename: "Province", code: "46" }, { __typename: "Province", code: "01" }]) { ... on Province { code staffing { civilServants } } }
}`;
const outside = (code: string, path: (string | number)[]) => fieldError('FORBIDDEN', `Province ${code} is outside your jurisdiction.`, path);

const subgraph = useTestSubgraph(civilServantsSubgraph, options);

describe('civil-servants: e-dossiers outside the caller\'s jurisdiction look exactly like missing ones', () => {
  it('answers an officer of Huế about a Hà Nội servant exactly as about a citizen who is no servant', async () => {
    const outsider = await postAs(OFFICER_46, subgraph.url, SERVANT, { id: hanoi.personalId });
    const missing = await postAs(OFFICER_46, subgraph.url, SERVANT, { id: nonServant });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(withoutKey(outsider, hanoi.personalId)).toEqual(withoutKey(missing, nonServant!));
  });

  it('resolves servant references and citizens\' e-dossiers outside the province to null', async () => {
    const servants = await postAs(OFFICER_46, subgraph.url, ENTITIES, refs('CivilServant', hue.personalId, hanoi.personalId));
    expect(servants.body).toEqual({ data: { _entities: [{ personalId: hue.personalId, position: expect.any(String) }, null] }, extensions: accessed(hue.personalId) });
    const citizens = await postAs(OFFICER_46, subgraph.url, ENTITIES, refs('Citizen', hue.personalId, hanoi.personalId));
    expect(citizens.body).toEqual({
      data: { _entities: [{ civilServant: { personalId: hue.personalId } }, { civilServant: null }] },
      extensions: accessed(hue.personalId),
    });
  });

  it('shows a servant signed in as a citizen their own e-dossier, and no one else\'s', async () => {
    const self = citizenCaller(hanoi.personalId);
    const own = await postAs(self, subgraph.url, SERVANT, { id: hanoi.personalId });
    expect(own.body).toEqual({
      data: { civilServant: { personalId: hanoi.personalId, position: expect.any(String), agency: { code: hanoi.agencyCode } } },
      extensions: accessed(hanoi.personalId),
    });
    const colleague = await postAs(self, subgraph.url, SERVANT, { id: hue.personalId });
    const missing = await postAs(self, subgraph.url, SERVANT, { id: nonServant });
    expect(withoutKey(colleague, hue.personalId)).toEqual(withoutKey(missing, nonServant!));
    const references = await postAs(self, subgraph.url, ENTITIES, refs('Citizen', hanoi.personalId, hue.personalId));
    expect(references.body.data).toEqual({ _entities: [{ civilServant: { personalId: hanoi.personalId } }, { civilServant: null }] });
  });
});

describe('civil-servants: staffing figures by jurisdiction', () => {
  it('gives an analyst of Huế its figures and refuses Hà Nội\'s with FORBIDDEN, reporting no citizen', async () => {
    const response = await postAs(officer('province-analyst', '46'), subgraph.url, FIGURES);
    expect(response.body).toEqual({
      data: {
        hue: { civilServantCount: headcount('46.SNV') },
        hanoi: { civilServantCount: null },
        _entities: [{ code: '46', staffing: { civilServants: servantsOf('46') } }, { code: '01', staffing: null }],
      },
      errors: [outside('01', ['_entities', 1, 'staffing']), outside('01', ['hanoi', 'civilServantCount'])],
    });
  });

  it('gives a ministry analyst the figures of both, reporting no citizen', async () => {
    const response = await postAs(officer('ministry-analyst'), subgraph.url, FIGURES);
    expect(response.body).toEqual({
      data: {
        hue: { civilServantCount: headcount('46.SNV') },
        hanoi: { civilServantCount: headcount('01.SNV') },
        _entities: [{ code: '46', staffing: { civilServants: servantsOf('46') } }, { code: '01', staffing: { civilServants: servantsOf('01') } }],
      },
    });
  });

  it('counts nothing for a province it refuses', async () => {
    const analyst = officer('province-analyst', '46');
    const before = subgraph.db.statements.count;
    const response = await postAs(analyst, subgraph.url, `{
      agency(code: "01.SNV") { civilServantCount }
      _entities(representations: [{ __typename: "Province", code: "01" }]) { ... on Province { staffing { agencies } } }
    }`);
    // One statement: the agency itself, which is reference data; no count of Hà Nội runs.
    expect(subgraph.db.statements.count - before).toBe(1);
    expect(response.body.data).toEqual({ agency: { civilServantCount: null }, _entities: [{ staffing: null }] });
  });

  it('refuses a citizen the figures even of their own province', async () => {
    const self = citizenCaller(hue.personalId);
    const response = await postAs({ ...self, scopes: [...self.scopes, 'staffing:aggregate'] }, subgraph.url, '{ agency(code: "46.SNV") { civilServantCount } }');
    expect(response.body).toEqual({ data: { agency: { civilServantCount: null } }, errors: [outside('46', ['agency', 'civilServantCount'])] });
  });
});
