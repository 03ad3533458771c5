import { civilServantsSubgraph } from '../../../subgraphs/civil-servants';
import { testSeed, useTestSubgraph } from '../../support/test-subgraph';
import { checkSignatures, type Operation } from '../../support/signature-checks';
import { expectedCivilServants } from './synthetic';

const options = testSeed();
const [one, other] = expectedCivilServants(options).map(({ person }) => person.personalId);
const entities = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;

/** Every root field and every group of fields with its own rule. */
const OPERATIONS: Operation[] = [
  ['civilServant', 'query ($id: PersonalId!) { civilServant(personalId: $id) { position } }', { id: one }],
  ['agencies', '{ agencies(provinceCode: "46", level: PROVINCE) { code name } }', {}],
  ['agency', '{ agency(code: "46.SNV") { name level province { code } parent { code } civilServantCount } }', {}],
  ['_service', '{ _service { sdl } }', {}],
  ['a civil servant\'s sensitive fields by reference', entities('... on CivilServant { personalId partyMember declaredAnnualIncome healthStatus }'), { r: [{ __typename: 'CivilServant', personalId: one }] }],
  ['a citizen\'s e-dossier by reference', entities('... on Citizen { personalId civilServant { position } }'), { r: [{ __typename: 'Citizen', personalId: one }] }],
  ['a province\'s staffing by reference', entities('... on Province { code staffing { civilServants } }'), { r: [{ __typename: 'Province', code: '46' }] }],
];

describe('civil-servants: requests without a valid gateway signature', () => {
  const subgraph = useTestSubgraph(civilServantsSubgraph, options);
  // Another servant: what a man in the middle would rather read.
  checkSignatures(subgraph, OPERATIONS, { id: other, r: [{ __typename: 'CivilServant', personalId: other }] });
});
