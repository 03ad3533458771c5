import { publicServicesSubgraph } from '../../../subgraphs/public-services';
import { fieldError, missingScope, officer, sendUnsigned } from '../../support/access-fixtures';
import { postAs } from '../../support/graphql-client';
import { useTestSubgraph } from '../../support/test-subgraph';
import { seededDossiers } from './fixtures';

/*
 * What public-services tells of a province's data health, asked the way the gateway's plan asks
 * it (`_entities` of ProvinceDataHealth), straight at the subgraph: the references its dossiers
 * hold go only to a caller who may see the province's data health, and the dossier codes another
 * database holds come back as counts.
 */

const subgraph = useTestSubgraph(publicServicesSubgraph);
const seeded = seededDossiers();
const health = (code: string, more: Record<string, unknown> = {}) => [{ __typename: 'ProvinceDataHealth', provinceCode: code, ...more }];
const ENTITIES = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ProvinceDataHealth { ${selection} } } }`;

describe('public-services: its part of a province\'s data health', () => {
  test('gives the data steward every applicant and handler the province\'s dossiers name, one per dossier', async () => {
    const response = await postAs<{ _entities: { dossierApplicantIds: string[]; dossierHandlerIds: string[] }[] }>(
      officer('data-steward'),
      subgraph.url,
      ENTITIES('dossierApplicantIds dossierHandlerIds'),
      { r: health('46') },
    );
    const [{ dossierApplicantIds, dossierHandlerIds }] = response.body.data!._entities as [{ dossierApplicantIds: string[]; dossierHandlerIds: string[] }];
    const own = seeded.filter((d) => d.provinceCode === '46');
    expect(own.length).toBeGreaterThan(10);
    expect([...dossierApplicantIds].sort()).toEqual(own.map((d) => d.applicantId).sort());
    expect([...dossierHandlerIds].sort()).toEqual(own.flatMap((d) => d.handlerId ?? []).sort());
  });

  test('refuses them for another province with FORBIDDEN, and to a role without data-health:aggregate', async () => {
    const outside = await postAs(officer('province-analyst', '01'), subgraph.url, ENTITIES('dossierApplicantIds'), { r: health('46') });
    expect(outside.body).toEqual({
      data: { _entities: [{ dossierApplicantIds: null }] },
      errors: [fieldError('FORBIDDEN', 'Province 46 is outside your jurisdiction.', ['_entities', 0, 'dossierApplicantIds'])],
    });
    const unscoped = await postAs(officer('payments-officer', '46'), subgraph.url, ENTITIES('dossierApplicantIds'), { r: health('46') });
    expect(unscoped.body.errors).toEqual([missingScope('ProvinceDataHealth.dossierApplicantIds', 'data-health:aggregate', ['_entities', 0, 'dossierApplicantIds'])]);
  });

  test('answers nothing to a request the gateway did not sign', async () => {
    const response = await sendUnsigned(subgraph.url, JSON.stringify({ query: ENTITIES('dossierApplicantIds'), variables: { r: health('46') } }));
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body)).not.toMatch(/\d{12}/);
  });

  test('counts the dossier codes payments holds: held, malformed, and well-formed codes it never issued', async () => {
    const issued = seeded.find((d) => d.provinceCode === '46')!.code;
    const codes = [issued, issued, 'not-a-dossier-code', '46-DVC02-261101-8999999'];
    const response = await postAs(officer('data-steward'), subgraph.url, ENTITIES('publicServices { references { reference holder target held malformed dangling } }'), {
      r: health('46', { paymentDossierCodes: codes }),
    });
    expect(response.body).toEqual({
      data: { _entities: [{ publicServices: { references: [{ reference: 'Payment.dossier', holder: 'payments', target: 'public-services', held: 4, malformed: 1, dangling: 1 }] } }] },
    });
  });
});
