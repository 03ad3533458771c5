import { randomUUID } from 'node:crypto';
import { INTERMEDIARIES } from '../../../lib/domain';
import type { Tables } from '../../../subgraphs/payments/data/tables';
import { postGraphQL } from '../../support/graphql-client';
import { errorCodes } from '../../support/response-checks';
import { subgraphOf, useTestGraph } from '../../support/test-graph';
import { DOSSIERS, leaksInternals, OPTIONS, PAYMENTS, takeUnpaidDossier } from './synthetic';

// The whole graph: a payment checks its dossier through the gateway. Requests still go straight to the subgraph.
const subgraph = subgraphOf<Tables>(useTestGraph(OPTIONS.scale), 'payments');

const FIELDS = 'id dossier { code } payer { personalId } province { code } amount method intermediary status paidAt refundedAt transactionRef refundReason';
const INITIATE = `mutation ($dossierCode: ID!, $method: PaymentMethod!, $idempotencyKey: String!) {
  initiatePayment(dossierCode: $dossierCode, method: $method, idempotencyKey: $idempotencyKey) { ${FIELDS} }
}`;
const SETTLE = `mutation ($id: ID!, $succeeded: Boolean!, $transactionRef: String) {
  settlePayment(id: $id, succeeded: $succeeded, transactionRef: $transactionRef) { ${FIELDS} }
}`;
const REFUND = `mutation ($id: ID!, $reason: String) { refundPayment(id: $id, reason: $reason) { ${FIELDS} } }`;
const FEE_STATUS = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Dossier { feeStatus } } }`;

interface PaymentResult {
  id: string;
  status: string;
  intermediary: string;
  paidAt: string | null;
  refundedAt: string | null;
  [field: string]: unknown;
}

/** A seeded dossier nobody has paid or started paying yet (of a province, when given). */
const newDossierCode = (provinceCode?: string) => takeUnpaidDossier((d) => provinceCode === undefined || d.provinceCode === provinceCode).code;
const feeOf = (code: string) => DOSSIERS.find((d) => d.code === code)!.fee;

async function initiate(dossierCode: string, method = 'E_WALLET', idempotencyKey: string = randomUUID()) {
  const { body } = await postGraphQL<{ initiatePayment: PaymentResult }>(subgraph.url, INITIATE, { dossierCode, method, idempotencyKey });
  expect(leaksInternals(body)).toBe(false);
  return body;
}

async function initiated(dossierCode: string, method = 'E_WALLET', idempotencyKey?: string): Promise<PaymentResult> {
  const body = await initiate(dossierCode, method, idempotencyKey);
  expect(body.errors).toBeUndefined();
  return body.data!.initiatePayment;
}

async function settle(id: string, succeeded: boolean, transactionRef: string | null = null) {
  const { body } = await postGraphQL<{ settlePayment: PaymentResult }>(subgraph.url, SETTLE, { id, succeeded, transactionRef });
  expect(leaksInternals(body)).toBe(false);
  return body;
}

async function refund(id: string, reason: string | null = null) {
  const { body } = await postGraphQL<{ refundPayment: PaymentResult }>(subgraph.url, REFUND, { id, reason });
  expect(leaksInternals(body)).toBe(false);
  return body;
}

async function feeStatus(code: string): Promise<unknown> {
  const { body } = await postGraphQL<{ _entities: { feeStatus: string }[] }>(subgraph.url, FEE_STATUS, { representations: [{ __typename: 'Dossier', code }] });
  return body.data?._entities[0]?.feeStatus;
}

const ISO_VIETNAM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

describe('initiatePayment → settlePayment → refundPayment', () => {
  it('takes a dossier from UNPAID through PENDING and PAID to REFUNDED', async () => {
    const code = newDossierCode('01');
    expect(await feeStatus(code)).toBe('UNPAID');

    const payment = await initiated(code, 'E_WALLET');
    expect(payment).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      dossier: { code },
      payer: null,
      province: { code: '01' },
      amount: feeOf(code),
      method: 'E_WALLET',
      intermediary: expect.any(String),
      status: 'PENDING',
      paidAt: null,
      refundedAt: null,
      transactionRef: null,
      refundReason: null,
    });
    expect(INTERMEDIARIES.E_WALLET).toContain(payment.intermediary);
    expect(await feeStatus(code)).toBe('PENDING');

    const paid = await settle(payment.id, true, 'MOMO-20261101-0001');
    expect(paid.data!.settlePayment).toEqual({ ...payment, status: 'PAID', paidAt: expect.stringMatching(ISO_VIETNAM), transactionRef: 'MOMO-20261101-0001' });
    expect(await feeStatus(code)).toBe('PAID');

    const refunded = await refund(payment.id, 'Dossier stopped by the agency');
    expect(refunded.data!.refundPayment).toEqual({
      ...paid.data!.settlePayment,
      status: 'REFUNDED',
      refundedAt: expect.stringMatching(ISO_VIETNAM),
      refundReason: 'Dossier stopped by the agency',
    });
    expect(await feeStatus(code)).toBe('REFUNDED');
  });

  it('records a failed settlement as FAILED, which leaves the fee UNPAID', async () => {
    const code = newDossierCode();
    const payment = await initiated(code, 'CARD');
    expect(payment.intermediary).toBe('NAPAS');
    const failed = await settle(payment.id, false);
    expect(failed.data!.settlePayment).toMatchObject({ status: 'FAILED', paidAt: null });
    expect(await feeStatus(code)).toBe('UNPAID');
  });
});

describe('payment state rules', () => {
  it('settles a payment only once: a second settlement is INVALID_PAYMENT_STATE', async () => {
    const payment = await initiated(newDossierCode());
    expect((await settle(payment.id, true)).errors).toBeUndefined();
    const again = await settle(payment.id, false);
    expect(again.data).toEqual({ settlePayment: null });
    expect(again.errors).toEqual([
      {
        message: `Payment ${payment.id} is PAID; only a PENDING payment can be settled.`,
        locations: expect.any(Array),
        path: ['settlePayment'],
        extensions: { code: 'INVALID_PAYMENT_STATE', status: 'PAID' },
      },
    ]);
  });

  it('lets exactly one of 10 racing settlements win', async () => {
    const payment = await initiated(newDossierCode());
    const bodies = await Promise.all(Array.from({ length: 10 }, (_, i) => settle(payment.id, i % 2 === 0, `REF-${i}`)));
    const winners = bodies.filter((b) => b.errors === undefined);
    expect(winners).toHaveLength(1);
    expect(bodies.flatMap(errorCodes)).toEqual(Array(9).fill('INVALID_PAYMENT_STATE'));
  });

  it('refunds a payment only once: a second refund is INVALID_PAYMENT_STATE', async () => {
    const payment = await initiated(newDossierCode());
    await settle(payment.id, true);
    expect((await refund(payment.id)).errors).toBeUndefined();
    expect(errorCodes(await refund(payment.id))).toEqual(['INVALID_PAYMENT_STATE']);
  });

  it('refuses to refund a pending payment or to settle a refunded one', async () => {
    const payment = await initiated(newDossierCode());
    expect(errorCodes(await refund(payment.id))).toEqual(['INVALID_PAYMENT_STATE']);
    const seededRefund = PAYMENTS.find((p) => p.status === 'REFUNDED')!;
    expect(errorCodes(await settle(seededRefund.id, true))).toEqual(['INVALID_PAYMENT_STATE']);
  });

  it('answers NOT_FOUND for an unknown payment and BAD_USER_INPUT for a malformed ID', async () => {
    const unknown = randomUUID();
    expect(errorCodes(await settle(unknown, true))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await refund(unknown))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await settle('42', true))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await refund('42'))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a new payment for a dossier that is already paid', async () => {
    const paidSeed = PAYMENTS.find((p) => p.status === 'PAID')!;
    expect(errorCodes(await initiate(paidSeed.dossierCode))).toEqual(['INVALID_PAYMENT_STATE']);
  });

  it('refuses a fee-free procedure with FEE_NOT_APPLICABLE, and one missing from the fee schedule with UNKNOWN_PROCEDURE', async () => {
    const feeFree = DOSSIERS.find((d) => d.fee === 0)!;
    expect(errorCodes(await initiate(feeFree.code))).toEqual(['FEE_NOT_APPLICABLE']);
    const code = newDossierCode();
    const { procedureCode } = DOSSIERS.find((d) => d.code === code)!;
    const [fee] = await subgraph.db.kysely.deleteFrom('fee_schedule').where('procedure_code', '=', procedureCode).returningAll().execute();
    try {
      expect(errorCodes(await initiate(code))).toEqual(['UNKNOWN_PROCEDURE']);
    } finally {
      await subgraph.db.kysely.insertInto('fee_schedule').values(fee!).execute();
    }
  });

  it('charges the fee of the procedure public-services knows the dossier by', async () => {
    const code = newDossierCode();
    expect((await initiated(code)).amount).toBe(feeOf(code));
  });

  it('answers NOT_FOUND for a well-formed code of a dossier that does not exist, and writes nothing', async () => {
    const count = async () => (await subgraph.db.kysely.selectFrom('payments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    const body = await initiate('46-DVC02-261101-999999');
    expect(body).toEqual({ data: { initiatePayment: null }, errors: [expect.objectContaining({ message: 'No dossier with key 46-DVC02-261101-999999.', extensions: { code: 'NOT_FOUND' } })] });
    expect(await count()).toBe(before);
  });

  it('rejects malformed dossier codes and idempotency keys with BAD_USER_INPUT', async () => {
    for (const code of ['46-DVC02', '99-DVC02-261101-000001', "46-DVC02-261101-000001'; DROP TABLE payments; --"]) {
      expect(errorCodes(await initiate(code))).toEqual(['BAD_USER_INPUT']);
    }
    expect(errorCodes(await initiate(newDossierCode(), 'CARD', ''))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await initiate(newDossierCode(), 'CARD', 'k'.repeat(201)))).toEqual(['BAD_USER_INPUT']);
    expect((await initiate(newDossierCode(), 'CARD', 'k'.repeat(200))).errors).toBeUndefined();
  });
});

describe('one payment per dossier', () => {
  it('of 50 attempts with 50 keys on one dossier at once, starts one; settling everything pays the fee once', async () => {
    const code = newDossierCode();
    const bodies = await Promise.all(Array.from({ length: 50 }, () => initiate(code)));
    const started = bodies.filter((b) => b.errors === undefined).map((b) => b.data!.initiatePayment);
    expect(started).toHaveLength(1);
    expect(bodies.flatMap(errorCodes)).toEqual(Array(49).fill('INVALID_PAYMENT_STATE'));
    expect(bodies.find((b) => b.errors)!.errors![0]!.message).toBe(`Dossier ${code} already has a payment pending or paid.`);
    const settled = await Promise.all(started.map((p) => settle(p.id, true)));
    expect(settled.map((b) => b.data?.settlePayment.status)).toEqual(['PAID']);
    const { rows } = await subgraph.db.pool.query("SELECT status, sum(amount)::int AS amount, count(*)::int AS n FROM payments WHERE dossier_code = $1 GROUP BY status", [code]);
    expect(rows).toEqual([{ status: 'PAID', amount: feeOf(code), n: 1 }]);
  });

  it('refuses a second payment while one is pending, and takes a new one after it failed or was refunded', async () => {
    const code = newDossierCode();
    const first = await initiated(code);
    expect(errorCodes(await initiate(code))).toEqual(['INVALID_PAYMENT_STATE']);
    await settle(first.id, false);
    const second = await initiated(code);
    await settle(second.id, true);
    expect(errorCodes(await initiate(code))).toEqual(['INVALID_PAYMENT_STATE']);
    await refund(second.id);
    expect((await initiated(code)).status).toBe('PENDING');
  });

  it('is kept by the database itself: a second PENDING or PAID row for a dossier cannot be written', async () => {
    const code = newDossierCode();
    const payment = await initiated(code);
    const row = await subgraph.db.kysely.selectFrom('payments').selectAll().where('id', '=', payment.id).executeTakeFirstOrThrow();
    const second = { ...row, id: randomUUID(), idempotency_key: randomUUID(), status: 'PAID' as const };
    await expect(subgraph.db.kysely.insertInto('payments').values(second).execute()).rejects.toThrow(/payments_one_open_per_dossier/);
  });
});

describe('idempotency', () => {
  it('returns the same payment when a request is retried with the same key and input', async () => {
    const code = newDossierCode();
    const key = randomUUID();
    const first = await initiated(code, 'BANK_TRANSFER', key);
    expect(await initiated(code, 'BANK_TRANSFER', key)).toEqual(first);
  });

  it('still returns the payment on a retry after it was paid', async () => {
    const code = newDossierCode();
    const key = randomUUID();
    const first = await initiated(code, 'CASH', key);
    await settle(first.id, true);
    expect(await initiated(code, 'CASH', key)).toMatchObject({ id: first.id, status: 'PAID' });
    expect(errorCodes(await initiate(code, 'CASH'))).toEqual(['INVALID_PAYMENT_STATE']);
  });

  it('rejects the same key with a different dossier or method as IDEMPOTENCY_KEY_REUSED', async () => {
    const key = randomUUID();
    const code = newDossierCode();
    await initiated(code, 'E_WALLET', key);
    expect(errorCodes(await initiate(code, 'CARD', key))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(errorCodes(await initiate(newDossierCode(), 'E_WALLET', key))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('creates exactly one payment when 25 requests with one key arrive at once', async () => {
    const code = newDossierCode();
    const key = randomUUID();
    const bodies = await Promise.all(Array.from({ length: 25 }, () => initiate(code, 'E_WALLET', key)));
    expect(bodies.flatMap((b) => b.errors ?? [])).toEqual([]);
    const ids = new Set(bodies.map((b) => b.data!.initiatePayment.id));
    expect(ids.size).toBe(1);
    const rows = await subgraph.db.kysely.selectFrom('payments').select(['id', 'dossier_code']).where('idempotency_key', '=', key).execute();
    expect(rows).toEqual([{ id: [...ids][0], dossier_code: code }]);
  });
});
