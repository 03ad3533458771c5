import { residentsSubgraph } from '../../../subgraphs/residents';
import { AUTHENTICATED_RULE, CITIZEN_KEY_RULE, DATA_HEALTH_RULE, DATA_HEALTH_TYPES, personalRule, rulesOf, rulesOfTypes, sameRule, scopedRule, sharedKeySdl, sharedKeysOf, typeOf, unruledFields, useSubgraphSchema } from '../../support/schema-rules';

const schema = useSubgraphSchema(residentsSubgraph);

/** Types whose values are reached only through a field that carries a rule. */
const VALUE_TYPES = ['ProvincePopulation', 'PopulationAgeBand', 'PopulationPoint', 'LegacyProvince', 'Commune', 'CitizenConnection', 'CitizenEdge', 'PageInfo', ...DATA_HEALTH_TYPES];

const READ = personalRule(['residents:read']);

describe('residents: field rules', () => {
  test('every root field and every field outside the value types carries a rule', () => {
    expect(unruledFields(rulesOf(schema()), VALUE_TYPES)).toEqual([]);
  });

  test('each field carries the rule of the access contract', () => {
    expect(rulesOfTypes(rulesOf(schema()), ['Query', 'Citizen', 'Household', 'Province', 'ProvinceDataHealth'])).toEqual({
      ...sameRule('Query', ['citizen', 'citizens', 'household'], READ),
      ...sameRule('Query', ['province', 'provinces'], AUTHENTICATED_RULE),
      'Citizen.personalId': CITIZEN_KEY_RULE,
      ...sameRule('Citizen', ['fullName', 'surname', 'middleName', 'givenName', 'sex', 'birthDate', 'address', 'bloodType', 'maritalStatus', 'deathDate'], READ),
      ...sameRule('Citizen', ['relationshipToHead', 'nationality', 'age', 'deceased', 'birthRegistrationProvince', 'hometown', 'province', 'commune'], READ),
      ...sameRule('Citizen', ['household', 'father', 'mother', 'spouse', 'children'], READ),
      ...sameRule('Citizen', ['phone', 'email'], personalRule(['residents:contact'])),
      ...sameRule('Citizen', ['ethnicity', 'religion'], personalRule(['residents:sensitive'])),
      ...sameRule('Household', ['id', 'address', 'head', 'members', 'province', 'commune'], READ),
      ...sameRule('Province', ['code', 'name', 'kind', 'legacyCodes'], AUTHENTICATED_RULE),
      ...sameRule('Province', ['population', 'populationSeries'], scopedRule(['population:aggregate'])),
      'Province.dataHealth': DATA_HEALTH_RULE,
      'ProvinceDataHealth.provinceCode': AUTHENTICATED_RULE,
      ...sameRule('ProvinceDataHealth', ['residents'], DATA_HEALTH_RULE),
    });
  });

  test('the shared keys carry exactly the text every other subgraph gives them', () => {
    expect(sharedKeysOf(schema())).toEqual(sharedKeySdl('Citizen.personalId', 'Province.code', 'ProvinceDataHealth.provinceCode'));
  });

  test('aggregates and links a caller may be refused are nullable', () => {
    expect(typeOf(schema(), 'Province', 'population')).toBe('ProvincePopulation');
    expect(typeOf(schema(), 'Household', 'head')).toBe('Citizen');
  });
});
