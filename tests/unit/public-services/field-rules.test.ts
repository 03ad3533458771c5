import type { GraphQLSchema } from 'graphql';
import { publicServicesSubgraph } from '../../../subgraphs/public-services';
import {
  AUTHENTICATED_RULE,
  CITIZEN_KEY_SDL,
  CIVIL_SERVANT_KEY_SDL,
  directivesOf,
  PERSONAL_DATA_SDL,
  personalRule,
  PROVINCE_KEY_SDL,
  rulesOf,
  rulesOfTypes,
  sameRule,
  scopedRule,
  typeOf,
  unruledFields,
} from '../residents/schema-rules';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await publicServicesSubgraph.buildSchema();
});

/** Types whose values are reached only through a field that carries a rule. */
const VALUE_TYPES = ['DossierStatistics', 'DossierConnection', 'DossierEdge', 'PageInfo'];

const READ = personalRule(['dossiers:read']);

describe('public-services: field rules', () => {
  test('every root field, mutation and field outside the value types carries a rule', () => {
    expect(unruledFields(rulesOf(schema), VALUE_TYPES)).toEqual([]);
  });

  test('each field carries the rule of the access contract', () => {
    expect(rulesOfTypes(rulesOf(schema), ['Query', 'Mutation', 'Dossier', 'DossierEvent', 'Procedure', 'Citizen', 'CivilServant', 'Province'])).toEqual({
      ...sameRule('Query', ['dossier', 'dossiers'], READ),
      ...sameRule('Query', ['procedures', 'procedure'], AUTHENTICATED_RULE),
      'Mutation.submitDossier': scopedRule(['dossiers:write'], ['dossiers:submit']),
      'Mutation.transitionDossier': scopedRule(['dossiers:write']),
      'Dossier.code': personalRule(['dossiers:read'], ['payments:read']),
      ...sameRule('Dossier', ['communeCode', 'channel', 'status', 'submittedAt', 'dueAt', 'completedAt', 'overdue'], READ),
      ...sameRule('Dossier', ['procedure', 'applicant', 'province', 'handler', 'statusCode', 'history', 'allowedActions'], READ),
      ...sameRule('DossierEvent', ['action', 'fromStatus', 'toStatus', 'at', 'actorId', 'note'], READ),
      ...sameRule('Procedure', ['code', 'name', 'nameEn', 'sector', 'processingDays'], AUTHENTICATED_RULE),
      'Citizen.personalId': personalRule(['residents:read'], ['civil-servants:read'], ['dossiers:read'], ['payments:read'], ['audit:self'], ['audit:read']),
      'Citizen.dossiers': READ,
      'CivilServant.personalId': personalRule(['civil-servants:read'], ['dossiers:read']),
      'CivilServant.assignedDossiers': READ,
      'Province.code': AUTHENTICATED_RULE,
      'Province.dossierStatistics': scopedRule(['dossiers:aggregate']),
    });
  });

  test('the shared keys carry exactly the text every other subgraph gives them', () => {
    expect(directivesOf(schema, 'Citizen', 'personalId')).toEqual(CITIZEN_KEY_SDL);
    expect(directivesOf(schema, 'CivilServant', 'personalId')).toEqual(CIVIL_SERVANT_KEY_SDL);
    expect(directivesOf(schema, 'Province', 'code')).toEqual(PROVINCE_KEY_SDL);
    expect(directivesOf(schema, 'Procedure', 'code')).toEqual(['@authenticated']);
    expect(directivesOf(schema, 'Dossier', 'code')).toEqual(['@requiresScopes(scopes: [["dossiers:read"], ["payments:read"]])', PERSONAL_DATA_SDL]);
  });

  test('the aggregate a caller may be refused is nullable', () => {
    expect(typeOf(schema, 'Province', 'dossierStatistics')).toBe('DossierStatistics');
  });
});
