import { civilServantsSubgraph } from '../../../subgraphs/civil-servants';
import { AUTHENTICATED_RULE, CITIZEN_KEY_RULE, CIVIL_SERVANT_KEY_RULE, DATA_HEALTH_RULE, DATA_HEALTH_TYPES, personalRule, rulesOf, rulesOfTypes, sameRule, scopedRule, sharedKeySdl, sharedKeysOf, typeOf, unruledFields, useSubgraphSchema } from '../../support/schema-rules';

const schema = useSubgraphSchema(civilServantsSubgraph);

/** Types whose values are reached only through a field that carries a rule. */
const VALUE_TYPES = ['ProvinceStaffing', 'StaffingByLevel', 'StaffingPoint', 'CivilServiceRank', ...DATA_HEALTH_TYPES];

const READ = personalRule(['civil-servants:read']);

describe('civil-servants: field rules', () => {
  test('every root field and every field outside the value types carries a rule', () => {
    expect(unruledFields(rulesOf(schema()), VALUE_TYPES)).toEqual([]);
  });

  test('each field carries the rule of the access contract', () => {
    expect(rulesOfTypes(rulesOf(schema()), ['Query', 'CivilServant', 'Agency', 'Citizen', 'Province', 'ProvinceDataHealth'])).toEqual({
      'Query.civilServant': READ,
      ...sameRule('Query', ['agencies', 'agency'], AUTHENTICATED_RULE),
      'CivilServant.personalId': CIVIL_SERVANT_KEY_RULE,
      ...sameRule('CivilServant', ['employmentType', 'salaryStep', 'salaryCoefficient', 'position', 'startDate', 'performanceRating', 'educationLevel'], READ),
      ...sameRule('CivilServant', ['citizen', 'agency', 'province', 'rank', 'monthlySalary', 'yearsOfService'], READ),
      ...sameRule('CivilServant', ['partyMember', 'declaredAnnualIncome', 'healthStatus'], personalRule(['civil-servants:sensitive'])),
      ...sameRule('Agency', ['code', 'name', 'level', 'province', 'parent'], AUTHENTICATED_RULE),
      'Agency.civilServantCount': scopedRule(['staffing:aggregate']),
      'Citizen.personalId': CITIZEN_KEY_RULE,
      'Citizen.civilServant': READ,
      'Province.code': AUTHENTICATED_RULE,
      ...sameRule('Province', ['staffing', 'staffingSeries'], scopedRule(['staffing:aggregate'])),
      'ProvinceDataHealth.provinceCode': AUTHENTICATED_RULE,
      ...sameRule('ProvinceDataHealth', ['civilServants', 'civilServantIds'], DATA_HEALTH_RULE),
    });
  });

  test('the shared keys carry exactly the text every other subgraph gives them', () => {
    expect(sharedKeysOf(schema())).toEqual(sharedKeySdl('Citizen.personalId', 'CivilServant.personalId', 'Province.code', 'ProvinceDataHealth.provinceCode'));
  });

  test('aggregates a caller may be refused are nullable', () => {
    expect(typeOf(schema(), 'Province', 'staffing')).toBe('ProvinceStaffing');
    expect(typeOf(schema(), 'Agency', 'civilServantCount')).toBe('Int');
  });
});
