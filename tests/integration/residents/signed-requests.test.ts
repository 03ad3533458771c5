import { residentsSubgraph } from '../../../subgraphs/residents';
import { useTestSubgraph } from '../../support/test-subgraph';
import { checkSignatures, type Operation } from '../../support/signature-checks';
import { syntheticPopulation } from './synthetic-population';

const population = syntheticPopulation();
const [first, second] = population.households;
const entities = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;

/** Every root field and every group of fields with its own rule. */
const OPERATIONS: Operation[] = [
  ['citizen', 'query ($id: PersonalId!) { citizen(personalId: $id) { fullName } }', { id: first!.headId }],
  ['citizens', '{ citizens(first: 1) { edges { node { personalId } } } }', {}],
  ['household', 'query ($household: ID!) { household(id: $household) { address members { personalId } } }', { household: first!.id }],
  ['province', '{ province(code: "46") { name kind legacyCodes } }', {}],
  ['provinces', '{ provinces { code name } }', {}],
  ['_service', '{ _service { sdl } }', {}],
  ['a citizen\'s contact and sensitive fields by reference', entities('... on Citizen { personalId phone email ethnicity religion }'), { r: [{ __typename: 'Citizen', personalId: first!.headId }] }],
  ['a household by reference', entities('... on Household { id head { personalId } }'), { r: [{ __typename: 'Household', id: first!.id }] }],
  ['a province\'s population by reference', entities('... on Province { code population { total } }'), { r: [{ __typename: 'Province', code: '46' }] }],
];

describe('residents: requests without a valid gateway signature', () => {
  const subgraph = useTestSubgraph(residentsSubgraph);
  // Another household and its head: what a man in the middle would rather read.
  checkSignatures(subgraph, OPERATIONS, { id: second!.headId, household: second!.id, r: [{ __typename: 'Citizen', personalId: second!.headId }] });
});
