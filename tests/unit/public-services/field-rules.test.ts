import { publicServicesSubgraph } from '../../../subgraphs/public-services';
import { AUTHENTICATED_RULE, CITIZEN_KEY_RULE, CIVIL_SERVANT_KEY_RULE, DATA_HEALTH_RULE, DATA_HEALTH_TYPES, DOSSIER_KEY_RULE, personalRule, rulesOf, rulesOfTypes, sameRule, scopedRule, sharedKeySdl, sharedKeysOf, typeOf, unruledFields, useSubgraphSchema } from '../../support/schema-rules';

const schema = useSubgraphSchema(publicServicesSubgraph);

/** Types whose values are reached only through a field that carries a rule. */
const VALUE_TYPES = ['DossierStatistics', 'DossierConnection', 'DossierEdge', 'PageInfo', ...DATA_HEALTH_TYPES];

const READ = personalRule(['dossiers:read']);

describe('public-services: field rules', () => {
  test('every root field, mutation and field outside the value types carries a rule', () => {
    expect(unruledFields(rulesOf(schema()), VALUE_TYPES)).toEqual([]);
  });

  test('each field carries the rule of the access contract', () => {
    expect(rulesOfTypes(rulesOf(schema()), ['Query', 'Mutation', 'Dossier', 'DossierEvent', 'Procedure', 'Citizen', 'CivilServant', 'Province', 'ProvinceDataHealth'])).toEqual({
      ...sameRule('Query', ['dossier', 'dossiers'], READ),
      ...sameRule('Query', ['procedures', 'procedure'], AUTHENTICATED_RULE),
      'Mutation.submitDossier': personalRule(['dossiers:write'], ['dossiers:submit']),
      'Mutation.transitionDossier': personalRule(['dossiers:write']),
      'Dossier.code': DOSSIER_KEY_RULE,
      ...sameRule('Dossier', ['communeCode', 'channel', 'status', 'submittedAt', 'dueAt', 'completedAt', 'overdue'], READ),
      ...sameRule('Dossier', ['procedure', 'applicant', 'province', 'handler', 'statusCode', 'history', 'allowedActions'], READ),
      ...sameRule('DossierEvent', ['action', 'fromStatus', 'toStatus', 'at', 'actorId', 'note'], READ),
      ...sameRule('Procedure', ['code', 'name', 'nameEn', 'sector', 'processingDays', 'residenceBound'], AUTHENTICATED_RULE),
      'Citizen.personalId': CITIZEN_KEY_RULE,
      'Citizen.dossiers': READ,
      'CivilServant.personalId': CIVIL_SERVANT_KEY_RULE,
      'CivilServant.assignedDossiers': READ,
      'Province.code': AUTHENTICATED_RULE,
      ...sameRule('Province', ['dossierStatistics', 'dossierSeries'], scopedRule(['dossiers:aggregate'])),
      'ProvinceDataHealth.provinceCode': AUTHENTICATED_RULE,
      ...sameRule('ProvinceDataHealth', ['publicServices', 'dossierApplicantIds', 'dossierHandlerIds'], DATA_HEALTH_RULE),
    });
  });

  test('the shared keys carry exactly the text every other subgraph gives them', () => {
    expect(sharedKeysOf(schema())).toEqual(sharedKeySdl('Citizen.personalId', 'CivilServant.personalId', 'Dossier.code', 'Procedure.code', 'Province.code', 'ProvinceDataHealth.provinceCode'));
  });

  test('the aggregate a caller may be refused is nullable', () => {
    expect(typeOf(schema(), 'Province', 'dossierStatistics')).toBe('DossierStatistics');
  });
});
