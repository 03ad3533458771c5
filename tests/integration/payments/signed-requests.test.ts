import { randomUUID } from 'node:crypto';
import type { Tables } from '../../../subgraphs/payments/data/tables';
import { subgraphOf, useTestGraph } from '../../support/test-graph';
import { checkSignatures, type Operation } from '../../support/signature-checks';
import { checkUnsignedMutationsWriteNothing, type Mutation } from '../../support/mutation-signatures';
import { OPTIONS, PAYMENTS, takeUnpaidDossier } from './synthetic';

const [paid, alsoPaid, stillPaid] = PAYMENTS.filter((p) => p.status === 'PAID');
/** Payments waiting for their intermediary's answer: the seed has none, so they are written before the tests. */
const [PENDING, ALSO_PENDING] = [randomUUID(), randomUUID()];
const entities = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
const INITIATE = 'mutation ($code: ID!, $key: String!) { initiatePayment(dossierCode: $code, method: CARD, idempotencyKey: $key) { status } }';
const SETTLE = 'mutation ($id: ID!) { settlePayment(id: $id, succeeded: true) { status } }';
const REFUND = 'mutation ($id: ID!) { refundPayment(id: $id) { status } }';

/** Every root field, mutation and group of fields with its own rule. */
const OPERATIONS: Operation[] = [
  ['payment', 'query ($id: ID!) { payment(id: $id) { id status payer { personalId } } }', { id: paid!.id }],
  ['payments', '{ payments(filter: { provinceCode: "46" }, first: 1) { edges { node { id } } } }', {}],
  ['initiatePayment', INITIATE, { code: takeUnpaidDossier().code, key: randomUUID() }],
  ['settlePayment', SETTLE, { id: PENDING }],
  ['refundPayment', REFUND, { id: paid!.id }],
  ['_service', '{ _service { sdl } }', {}],
  ['payments by reference', entities('... on Payment { id amount }'), { r: [{ __typename: 'Payment', id: paid!.id }] }],
  ['a dossier\'s payments and fee status', entities('... on Dossier { payments { id } feeStatus }'), { r: [{ __typename: 'Dossier', code: paid!.dossierCode }] }],
  ['a citizen\'s payments', entities('... on Citizen { payments { id } }'), { r: [{ __typename: 'Citizen', personalId: paid!.payerId }] }],
  ['a province\'s payment statistics', entities('... on Province { paymentStatistics { transactions } }'), { r: [{ __typename: 'Province', code: '46' }] }],
  ['a procedure\'s fee', entities('... on Procedure { fee }'), { r: [{ __typename: 'Procedure', code: 'DVC02' }] }],
];

/** The mutations again, on rows of their own, with a valid request to turn each into. */
const MUTATIONS: Mutation[] = [
  ['initiatePayment', INITIATE, { code: takeUnpaidDossier().code, key: randomUUID() }, { code: takeUnpaidDossier().code, key: randomUUID() }],
  ['settlePayment', SETTLE, { id: ALSO_PENDING }, { id: PENDING }],
  ['refundPayment', REFUND, { id: alsoPaid!.id }, { id: stillPaid!.id }],
];

describe('payments: requests without a valid gateway signature', () => {
  // The whole graph: a payment checks its dossier through the gateway.
  const subgraph = subgraphOf<Tables>(useTestGraph(OPTIONS.scale), 'payments');
  // Another payment, dossier and payer: what a man in the middle would rather read or write.
  checkSignatures(subgraph, OPERATIONS, { id: alsoPaid!.id, code: takeUnpaidDossier().code, r: [{ __typename: 'Payment', id: alsoPaid!.id }] });

  beforeAll(async () => {
    // Each on a dossier of its own: a dossier has at most one payment pending or paid.
    const pending = (id: string) => {
      const { code, procedureCode, provinceCode, applicantId, fee } = takeUnpaidDossier();
      const row = { id, dossier_code: code, procedure_code: procedureCode, province_code: provinceCode, payer_id: applicantId, amount: fee };
      return { ...row, method: 'CARD' as const, intermediary: 'NAPAS', status: 'PENDING' as const, idempotency_owner: applicantId, idempotency_key: id };
    };
    await subgraph.db.kysely.insertInto('payments').values([pending(PENDING), pending(ALSO_PENDING)]).execute();
  });

  /** Every payment as it stands: anything a mutation could have written. */
  async function written(): Promise<unknown> {
    const { rows } = await subgraph.db.pool.query(`SELECT md5(string_agg(p::text, '|' ORDER BY id)) AS payments FROM payments p`);
    return rows[0];
  }

  checkUnsignedMutationsWriteNothing(subgraph, MUTATIONS, written);
});
