import { paymentsSubgraph } from '../../../subgraphs/payments';
import { AUTHENTICATED_RULE, CITIZEN_KEY_RULE, DATA_HEALTH_RULE, DATA_HEALTH_TYPES, DOSSIER_KEY_RULE, personalRule, rulesOf, rulesOfTypes, sameRule, scopedRule, sharedKeySdl, sharedKeysOf, typeOf, unruledFields, useSubgraphSchema } from '../../support/schema-rules';

const schema = useSubgraphSchema(paymentsSubgraph);

/** Types whose values are reached only through a field that carries a rule. */
const VALUE_TYPES = ['PaymentStatistics', 'PaymentMethodStatistics', 'PaymentConnection', 'PaymentEdge', 'PageInfo', ...DATA_HEALTH_TYPES];

const READ = personalRule(['payments:read']);

const PAYMENT_FIELDS = ['id', 'dossier', 'payer', 'province', 'amount', 'method', 'intermediary', 'status', 'createdAt', 'paidAt', 'refundedAt', 'transactionRef', 'refundReason'];

describe('payments: field rules', () => {
  test('every root field, mutation and field outside the value types carries a rule', () => {
    expect(unruledFields(rulesOf(schema()), VALUE_TYPES)).toEqual([]);
  });

  test('each field carries the rule of the access contract', () => {
    expect(rulesOfTypes(rulesOf(schema()), ['Query', 'Mutation', 'Payment', 'Dossier', 'Procedure', 'Citizen', 'Province', 'ProvinceDataHealth'])).toEqual({
      ...sameRule('Query', ['payment', 'payments'], READ),
      'Mutation.initiatePayment': personalRule(['payments:write'], ['payments:initiate']),
      ...sameRule('Mutation', ['settlePayment', 'refundPayment'], personalRule(['payments:write'])),
      ...sameRule('Payment', PAYMENT_FIELDS, READ),
      'Dossier.code': DOSSIER_KEY_RULE,
      ...sameRule('Dossier', ['payments', 'feeStatus'], READ),
      ...sameRule('Procedure', ['code', 'fee'], AUTHENTICATED_RULE),
      'Citizen.personalId': CITIZEN_KEY_RULE,
      'Citizen.payments': READ,
      'Province.code': AUTHENTICATED_RULE,
      ...sameRule('Province', ['paymentStatistics', 'paymentSeries'], scopedRule(['payments:aggregate'])),
      'ProvinceDataHealth.provinceCode': AUTHENTICATED_RULE,
      ...sameRule('ProvinceDataHealth', ['payments', 'paymentPayerIds', 'paymentDossierCodes'], DATA_HEALTH_RULE),
    });
  });

  test('the shared keys carry exactly the text every other subgraph gives them', () => {
    expect(sharedKeysOf(schema())).toEqual(sharedKeySdl('Citizen.personalId', 'Dossier.code', 'Procedure.code', 'Province.code', 'ProvinceDataHealth.provinceCode'));
  });

  test('the aggregate a caller may be refused is nullable', () => {
    expect(typeOf(schema(), 'Province', 'paymentStatistics')).toBe('PaymentStatistics');
  });
});
