import type { PublicServicesTables } from '../../../subgraphs/public-services/data/tables';
import { subgraphOf, useTestGraph } from '../../support/test-graph';
import { checkSignatures, type Operation } from '../../support/signature-checks';
import { checkUnsignedMutationsWriteNothing, type Mutation } from '../../support/mutation-signatures';
import { seededDossiers } from './fixtures';

const seeded = seededDossiers();
const [hue, other] = seeded.filter((d) => d.provinceCode === '46');
const [completed, alsoCompleted, stillCompleted] = seeded.filter((d) => d.status === 'COMPLETED');
const handled = seeded.find((d) => d.handlerId)!;
const entities = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const SUBMIT = 'mutation ($applicantId: PersonalId!) { submitDossier(input: { procedureCode: "DVC02", applicantId: $applicantId, provinceCode: "46", channel: ONLINE }) { code } }';
const TRANSITION = 'mutation ($code: ID!) { transitionDossier(code: $code, action: RETURN_RESULT) { status } }';

/** Every root field, mutation and group of fields with its own rule. */
const OPERATIONS: Operation[] = [
  ['dossier', 'query ($code: ID!) { dossier(code: $code) { code status history { action } } }', { code: hue!.code }],
  ['dossiers', '{ dossiers(filter: { provinceCode: "46" }, first: 1) { edges { node { code } } } }', {}],
  ['procedures', '{ procedures { code name } }', {}],
  ['procedure', '{ procedure(code: "DVC02") { code name } }', {}],
  ['submitDossier', SUBMIT, { applicantId: hue!.applicantId }],
  ['transitionDossier', TRANSITION, { code: completed!.code }],
  ['_service', '{ _service { sdl } }', {}],
  ['dossiers by reference', entities('... on Dossier { code status }'), { r: [{ __typename: 'Dossier', code: hue!.code }] }],
  ['a citizen\'s dossiers', entities('... on Citizen { dossiers { code } }'), { r: [{ __typename: 'Citizen', personalId: hue!.applicantId }] }],
  ['a civil servant\'s assigned dossiers', entities('... on CivilServant { assignedDossiers { code } }'), { r: [{ __typename: 'CivilServant', personalId: handled.handlerId }] }],
  ['a province\'s dossier statistics', entities('... on Province { dossierStatistics { received } }'), { r: [{ __typename: 'Province', code: '46' }] }],
  ['procedures by reference', entities('... on Procedure { code name }'), { r: [{ __typename: 'Procedure', code: 'DVC02' }] }],
];

/** The mutations again, on rows of their own, with a valid request to turn each into. */
const MUTATIONS: Mutation[] = [
  ['submitDossier', SUBMIT, { applicantId: other!.applicantId }, { applicantId: hue!.applicantId }],
  ['transitionDossier', TRANSITION, { code: alsoCompleted!.code }, { code: stillCompleted!.code }],
];

describe('public-services: requests without a valid gateway signature', () => {
  // The whole graph: a submission checks its applicant through the gateway.
  const subgraph = subgraphOf<PublicServicesTables>(useTestGraph(), 'public-services');
  // Another dossier, applicant and province: what a man in the middle would rather read or write.
  checkSignatures(subgraph, OPERATIONS, { code: other!.code, applicantId: other!.applicantId, r: [{ __typename: 'Dossier', code: other!.code }] });

  /** Every dossier as it stands and the length of every history: anything a mutation could have written. */
  async function written(): Promise<unknown> {
    const { rows } = await subgraph.db.pool.query(`
      SELECT (SELECT md5(string_agg(d::text, '|' ORDER BY code)) FROM dossiers d) AS dossiers, (SELECT count(*) FROM dossier_events) AS events`);
    return rows[0];
  }

  checkUnsignedMutationsWriteNothing(subgraph, MUTATIONS, written);
});
