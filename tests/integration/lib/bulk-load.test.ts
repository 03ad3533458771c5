import { randomBytes } from 'node:crypto';
import { databaseUrl, dropDatabase, ensureDatabase, openDatabase, withoutSecondaryStructures, type Database } from '../../../lib/db';
import { testServerUrl } from '../../support/test-database';

const databaseName = `t_lib_bulk_load_${randomBytes(4).toString('hex')}`;
let db: Database<unknown>;

beforeAll(async () => {
  await ensureDatabase(testServerUrl(), databaseName);
  db = openDatabase({ url: databaseUrl(testServerUrl(), databaseName), poolSize: 5 });
});

afterAll(async () => {
  await db?.close();
  await dropDatabase(testServerUrl(), databaseName);
});

const TABLES = ['parents', 'children'];

beforeEach(async () => {
  await db.pool.query('DROP TABLE IF EXISTS children, parents');
  await db.pool.query('CREATE TABLE parents (id int PRIMARY KEY, code text NOT NULL UNIQUE, region text NOT NULL)');
  await db.pool.query('CREATE INDEX parents_region ON parents (region)');
  await db.pool.query(`
    CREATE TABLE children (
      id int PRIMARY KEY,
      parent_id int NOT NULL REFERENCES parents (id),
      guardian_id int REFERENCES parents (id) ON DELETE SET NULL,
      name text NOT NULL,
      born date NOT NULL
    )`);
  await db.pool.query('CREATE INDEX children_parent ON children (parent_id)');
  await db.pool.query('CREATE INDEX children_name_prefix ON children (lower(name) text_pattern_ops)');
  await db.pool.query('CREATE INDEX children_guardian ON children (guardian_id, born DESC) WHERE guardian_id IS NOT NULL');
  await db.pool.query('CREATE UNIQUE INDEX children_name_born ON children (name, born)');
});

/** Every index and foreign key of the two tables, as the catalog defines them. */
async function structures(): Promise<{ indexes: string[]; foreignKeys: string[] }> {
  const indexes = await db.pool.query<{ definition: string }>(
    `SELECT indexdef AS definition FROM pg_indexes WHERE tablename = ANY($1) ORDER BY indexname`,
    [TABLES],
  );
  const foreignKeys = await db.pool.query<{ definition: string }>(
    `SELECT conname || ' ' || pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[]) ORDER BY conname`,
    [TABLES],
  );
  return { indexes: indexes.rows.map((r) => r.definition), foreignKeys: foreignKeys.rows.map((r) => r.definition) };
}

const indexNames = async (): Promise<string[]> =>
  (await db.pool.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE tablename = ANY($1) ORDER BY indexname`, [TABLES])).rows.map(
    (r) => r.name,
  );

async function loadFamilies(): Promise<void> {
  // Children first: with the foreign keys set aside, the order of the load does not matter.
  await db.pool.query(`INSERT INTO children SELECT g, g % 100 + 1, NULLIF(g % 7, 0), 'child ' || g, DATE '2000-01-01' + g FROM generate_series(1, 5000) g`);
  await db.pool.query(`INSERT INTO parents SELECT g, 'P' || g, 'R' || g % 5 FROM generate_series(1, 100) g`);
}

describe('lib/db: withoutSecondaryStructures', () => {
  it('loads without the secondary indexes and foreign keys, then puts each back as it was defined', async () => {
    const before = await structures();
    expect(before.indexes).toHaveLength(8);
    expect(before.foreignKeys).toHaveLength(2);
    let during: { indexes: string[]; foreignKeys: string[] } | undefined;
    const result = await withoutSecondaryStructures(db.pool, TABLES, async () => {
      await loadFamilies();
      during = await structures();
      return 'loaded';
    });
    expect(result).toBe('loaded');
    expect(during!.foreignKeys).toEqual([]);
    // Primary keys and unique indexes stay, so the load cannot write duplicates.
    expect(during!.indexes).toEqual(before.indexes.filter((d) => /UNIQUE INDEX/.test(d)));
    expect(await structures()).toEqual(before);
    const { rows } = await db.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM children');
    expect(rows[0]!.count).toBe(5000);
  });

  it('puts everything back when the load throws, and passes the load\'s error on', async () => {
    const before = await structures();
    const failing = withoutSecondaryStructures(db.pool, TABLES, async () => {
      await loadFamilies();
      throw new Error('the load broke');
    });
    await expect(failing).rejects.toThrow('the load broke');
    expect(await structures()).toEqual(before);
  });

  it('still refuses duplicates during the load, and puts everything back after the failure', async () => {
    const before = await structures();
    const duplicate = withoutSecondaryStructures(db.pool, TABLES, async () => {
      await db.pool.query(`INSERT INTO parents VALUES (1, 'P1', 'R1'), (2, 'P1', 'R2')`);
    });
    await expect(duplicate).rejects.toMatchObject({ code: '23505' });
    expect(await structures()).toEqual(before);
  });

  it('checks the foreign keys as it puts them back, so a load of orphans fails', async () => {
    const orphans = withoutSecondaryStructures(db.pool, TABLES, async () => {
      await db.pool.query(`INSERT INTO children VALUES (1, 42, NULL, 'orphan', DATE '2020-01-01')`);
    });
    await expect(orphans).rejects.toMatchObject({ code: '23503' });
    expect(await indexNames()).toEqual([
      'children_guardian', 'children_name_born', 'children_name_prefix', 'children_parent', 'children_pkey',
      'parents_code_key', 'parents_pkey', 'parents_region',
    ]);
  });
});
