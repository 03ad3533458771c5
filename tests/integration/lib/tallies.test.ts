import { randomBytes } from 'node:crypto';
import { createTally, databaseUrl, dropDatabase, ensureDatabase, openDatabase, withTalliesRebuilt, type Database, type TallySpec } from '../../../lib/db';
import { testServerUrl } from '../../support/test-database';

const databaseName = `t_lib_tallies_${randomBytes(4).toString('hex')}`;
let db: Database<unknown>;

/** Paid orders by region and day, as the payments tally counts paid payments. */
const ORDER_DAYS: TallySpec = {
  source: 'orders',
  tally: 'order_days',
  keys: [
    { name: 'region', type: 'text', expression: '$row.region' },
    { name: 'day', type: 'date', expression: '$row.placed_at::date' },
  ],
  counters: [
    { name: 'orders', type: 'integer', expression: '1' },
    { name: 'amount', type: 'bigint', expression: '$row.amount' },
  ],
  counted: "$row.status = 'PAID'",
  watched: ['region', 'placed_at', 'amount', 'status'],
};

beforeAll(async () => {
  await ensureDatabase(testServerUrl(), databaseName);
  db = openDatabase({ url: databaseUrl(testServerUrl(), databaseName), poolSize: 5 });
});

afterAll(async () => {
  await db?.close();
  await dropDatabase(testServerUrl(), databaseName);
});

beforeEach(async () => {
  await db.pool.query('DROP TABLE IF EXISTS orders, order_days; DROP FUNCTION IF EXISTS order_days_apply()');
  await db.pool.query('CREATE TABLE orders (id int PRIMARY KEY, region text NOT NULL, placed_at timestamp NOT NULL, amount bigint NOT NULL, status text NOT NULL, note text)');
  await db.pool.query(`INSERT INTO orders VALUES (1, 'north', '2026-01-01 10:00', 100, 'PAID', null), (2, 'north', '2026-01-01 11:00', 50, 'PENDING', null)`);
  await createTally(db.kysely, ORDER_DAYS);
});

/** The tally as stored, and as a fresh GROUP BY over the orders says it should be. */
async function tallyAndTruth() {
  const stored = await db.pool.query("SELECT region, to_char(day, 'YYYY-MM-DD') AS day, orders, amount FROM order_days WHERE orders <> 0 OR amount <> 0 ORDER BY 1, 2");
  const truth = await db.pool.query(
    "SELECT region, to_char(placed_at::date, 'YYYY-MM-DD') AS day, count(*)::int AS orders, sum(amount)::bigint AS amount FROM orders WHERE status = 'PAID' GROUP BY 1, 2 ORDER BY 1, 2",
  );
  return { stored: stored.rows, truth: truth.rows };
}

describe('Tallies: counts kept by a trigger in the same transaction as the rows they count', () => {
  test('count the rows already there when the tally is created', async () => {
    const { stored, truth } = await tallyAndTruth();
    expect(stored).toEqual([{ region: 'north', day: '2026-01-01', orders: 1, amount: 100 }]);
    expect(stored).toEqual(truth);
  });

  test('follow inserts, updates that move a row between keys or in and out of the counted rows, and deletes', async () => {
    await db.pool.query(`INSERT INTO orders VALUES (3, 'south', '2026-01-02 09:00', 70, 'PAID', null)`);
    await db.pool.query(`UPDATE orders SET status = 'PAID' WHERE id = 2`);
    await db.pool.query(`UPDATE orders SET region = 'south', placed_at = '2026-01-03 08:00' WHERE id = 1`);
    await db.pool.query(`UPDATE orders SET amount = 75 WHERE id = 3`);
    await db.pool.query(`UPDATE orders SET status = 'REFUNDED' WHERE id = 2`);
    await db.pool.query(`DELETE FROM orders WHERE id = 3`);
    const { stored, truth } = await tallyAndTruth();
    expect(stored).toEqual([{ region: 'south', day: '2026-01-03', orders: 1, amount: 100 }]);
    expect(stored).toEqual(truth);
  });

  test('keep nothing of a transaction that rolls back', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO orders VALUES (4, 'east', '2026-01-05 09:00', 10, 'PAID', null)`);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const { stored, truth } = await tallyAndTruth();
    expect(stored).toEqual(truth);
    expect(stored).toHaveLength(1);
  });

  test('skip the trigger when an update changes no watched column', async () => {
    // A row's xmin is the transaction that last wrote it: unchanged, nobody rewrote the tally row.
    const writtenBy = async () => (await db.pool.query("SELECT xmin::text FROM order_days WHERE region = 'north'")).rows[0].xmin;
    const before = await writtenBy();
    await db.pool.query(`UPDATE orders SET note = 'called the customer' WHERE id = 1`);
    await db.pool.query(`UPDATE orders SET amount = 100 WHERE id = 1`);
    expect(await writtenBy()).toBe(before);
    await db.pool.query(`UPDATE orders SET amount = 120 WHERE id = 1`);
    expect(await writtenBy()).not.toBe(before);
  });

  test('after a bulk load with the trigger off, hold exactly what a fresh count says, and count again after it', async () => {
    await withTalliesRebuilt(db.pool, [ORDER_DAYS], async () => {
      await db.pool.query(`INSERT INTO orders SELECT g, CASE WHEN g % 2 = 0 THEN 'north' ELSE 'west' END, '2026-02-01'::timestamp + g * interval '1 hour', g, 'PAID', null FROM generate_series(10, 500) g`);
    });
    expect((await tallyAndTruth()).stored).toEqual((await tallyAndTruth()).truth);
    await db.pool.query(`INSERT INTO orders VALUES (1000, 'west', '2026-03-01 09:00', 5, 'PAID', null)`);
    const { stored, truth } = await tallyAndTruth();
    expect(stored).toEqual(truth);
  });
});
