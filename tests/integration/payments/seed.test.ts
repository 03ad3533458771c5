import { sql } from 'kysely';
import type { Database } from '../../../lib/db';
import { ESSENTIAL_PROCEDURES } from '../../../lib/domain';
import type { SeedOptions } from '../../../lib/subgraph';
import { paymentsSubgraph } from '../../../subgraphs/payments';
import type { Tables } from '../../../subgraphs/payments/data/tables';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { OPTIONS, PAYMENTS } from './synthetic';

const databases: TestDatabase<Tables>[] = [];
afterAll(() => Promise.all(databases.map((d) => d.drop())));

async function seeded(options: SeedOptions): Promise<Database<Tables>> {
  const test = await createTestDatabase(paymentsSubgraph);
  databases.push(test);
  expect(await paymentsSubgraph.isEmpty(test.db)).toBe(true);
  await paymentsSubgraph.seed(test.db, options);
  expect(await paymentsSubgraph.isEmpty(test.db)).toBe(false);
  return test.db;
}

/** A fingerprint of every row of every table, in key order. */
async function fingerprint(db: Database<Tables>): Promise<string> {
  const { rows } = await sql<{ payments: string; fees: string }>`
    SELECT (SELECT md5(string_agg(p::text, '|' ORDER BY p.id)) FROM payments p) AS payments,
           (SELECT md5(string_agg(f::text, '|' ORDER BY f.procedure_code)) FROM fee_schedule f) AS fees`.execute(db.kysely);
  return JSON.stringify(rows[0]);
}

describe('seed', () => {
  let db: Database<Tables>;
  beforeAll(async () => {
    db = await seeded(OPTIONS);
  });

  it('writes the same rows for the same seed, and different ones for another seed', async () => {
    expect(await fingerprint(await seeded(OPTIONS))).toBe(await fingerprint(db));
    expect(await fingerprint(await seeded({ ...OPTIONS, seed: OPTIONS.seed + 1 }))).not.toBe(await fingerprint(db));
  });

  it('writes one row per synthetic payment, with the same statuses', async () => {
    const counts = await db.kysely.selectFrom('payments').select(['status', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('status').orderBy('status').execute();
    const expected = new Map<string, number>();
    for (const p of PAYMENTS) expected.set(p.status, (expected.get(p.status) ?? 0) + 1);
    expect(counts).toEqual([...expected].sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => ({ status, count })));
    // About 0.6 dossiers a citizen, half of them with a fee: a few hundred payments for 2,000 citizens.
    expect(PAYMENTS.length).toBeGreaterThan(OPTIONS.scale * 0.2);
    expect(PAYMENTS.length).toBeLessThan(OPTIONS.scale * 0.5);
  });

  it('seeds the fee schedule from the procedure catalogue and charges every payment its fee', async () => {
    const fees = await db.kysely.selectFrom('fee_schedule').select(['procedure_code', 'amount']).orderBy('procedure_code').execute();
    expect(fees).toEqual(ESSENTIAL_PROCEDURES.map((p) => ({ procedure_code: p.code, amount: p.fee })));
    const mismatched = await db.kysely
      .selectFrom('payments')
      .innerJoin('fee_schedule', 'fee_schedule.procedure_code', 'payments.procedure_code')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .whereRef('payments.amount', '<>', 'fee_schedule.amount')
      .executeTakeFirstOrThrow();
    expect(mismatched.count).toBe(0);
  });

  it('keeps paid and refunded times consistent with each status', async () => {
    const { rows } = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM payments
      WHERE (status IN ('PAID', 'REFUNDED')) <> (paid_at IS NOT NULL)
         OR (status = 'REFUNDED') <> (refunded_at IS NOT NULL)
         OR paid_at < created_at OR refunded_at < paid_at`.execute(db.kysely);
    expect(rows[0]!.count).toBe(0);
  });
});
