import type { GraphQLSchema } from 'graphql';
import { paymentsSubgraph } from '../../../subgraphs/payments';
import {
  AUTHENTICATED_RULE,
  CITIZEN_KEY_SDL,
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
  schema = await paymentsSubgraph.buildSchema();
});

/** Types whose values are reached only through a field that carries a rule. */
const VALUE_TYPES = ['PaymentStatistics', 'PaymentMethodStatistics', 'PaymentConnection', 'PaymentEdge', 'PageInfo'];

const READ = personalRule(['payments:read']);

const PAYMENT_FIELDS = ['id', 'dossier', 'payer', 'province', 'amount', 'method', 'intermediary', 'status', 'createdAt', 'paidAt', 'refundedAt', 'transactionRef', 'refundReason'];

describe('payments: field rules', () => {
  test('every root field, mutation and field outside the value types carries a rule', () => {
    expect(unruledFields(rulesOf(schema), VALUE_TYPES)).toEqual([]);
  });

  test('each field carries the rule of the access contract', () => {
    expect(rulesOfTypes(rulesOf(schema), ['Query', 'Mutation', 'Payment', 'Dossier', 'Procedure', 'Citizen', 'Province'])).toEqual({
      ...sameRule('Query', ['payment', 'payments'], READ),
      'Mutation.initiatePayment': scopedRule(['payments:write'], ['payments:initiate']),
      ...sameRule('Mutation', ['settlePayment', 'refundPayment'], scopedRule(['payments:write'])),
      ...sameRule('Payment', PAYMENT_FIELDS, READ),
      'Dossier.code': personalRule(['dossiers:read'], ['payments:read']),
      ...sameRule('Dossier', ['payments', 'feeStatus'], READ),
      ...sameRule('Procedure', ['code', 'fee'], AUTHENTICATED_RULE),
      'Citizen.personalId': personalRule(['residents:read'], ['civil-servants:read'], ['dossiers:read'], ['payments:read'], ['audit:self'], ['audit:read']),
      'Citizen.payments': READ,
      'Province.code': AUTHENTICATED_RULE,
      'Province.paymentStatistics': scopedRule(['payments:aggregate']),
    });
  });

  test('the shared keys carry exactly the text every other subgraph gives them', () => {
    expect(directivesOf(schema, 'Citizen', 'personalId')).toEqual(CITIZEN_KEY_SDL);
    expect(directivesOf(schema, 'Province', 'code')).toEqual(PROVINCE_KEY_SDL);
    expect(directivesOf(schema, 'Procedure', 'code')).toEqual(['@authenticated']);
    expect(directivesOf(schema, 'Dossier', 'code')).toEqual(['@requiresScopes(scopes: [["dossiers:read"], ["payments:read"]])', PERSONAL_DATA_SDL]);
  });

  test('the aggregate a caller may be refused is nullable', () => {
    expect(typeOf(schema, 'Province', 'paymentStatistics')).toBe('PaymentStatistics');
  });
});
