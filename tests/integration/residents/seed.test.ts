import { personalIdMatches, type Sex } from '../../../lib/domain';
import { residentsSubgraph } from '../../../subgraphs/residents';
import type { ResidentsTables } from '../../../subgraphs/residents/data/tables';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { testSeed } from '../../support/test-subgraph';
import { syntheticPopulation } from './synthetic-population';

const SCALE = 3_000;

/** A digest of every column of every row, in key order: equal digests, equal tables. */
async function checksum(database: TestDatabase<ResidentsTables>, table: 'citizens' | 'households', key: string): Promise<string> {
  const { rows } = await database.db.pool.query<{ digest: string }>(`SELECT md5(string_agg(t::text, E'\\n' ORDER BY ${key})) AS digest FROM ${table} t`);
  return rows[0]!.digest;
}

describe('residents: seed', () => {
  const databases: TestDatabase<ResidentsTables>[] = [];
  const seeded = async (seed: number) => {
    const database = await createTestDatabase(residentsSubgraph);
    databases.push(database);
    expect(await residentsSubgraph.isEmpty(database.db)).toBe(true);
    await residentsSubgraph.seed(database.db, { ...testSeed(SCALE), seed });
    expect(await residentsSubgraph.isEmpty(database.db)).toBe(false);
    return database;
  };
  let first: TestDatabase<ResidentsTables>;
  let second: TestDatabase<ResidentsTables>;
  let other: TestDatabase<ResidentsTables>;

  beforeAll(async () => {
    [first, second, other] = await Promise.all([seeded(6), seeded(6), seeded(7)]);
  });
  afterAll(() => Promise.all(databases.map((d) => d.drop())));

  it('gives identical rows for the same seed and different rows for another seed', async () => {
    for (const [table, key] of [['citizens', 'personal_id'], ['households', 'id']] as const) {
      const digest = await checksum(first, table, key);
      expect(await checksum(second, table, key)).toBe(digest);
      expect(await checksum(other, table, key)).not.toBe(digest);
    }
  });

  it('holds exactly the generated citizens and households', async () => {
    const population = syntheticPopulation(testSeed(SCALE));
    const { rows } = await first.db.pool.query<{ citizens: number; households: number; ids: string }>(
      `SELECT (SELECT count(*)::int FROM citizens) AS citizens, (SELECT count(*)::int FROM households) AS households,
              (SELECT md5(string_agg(personal_id, ',' ORDER BY personal_id)) FROM citizens) AS ids`,
    );
    const { rows: expected } = await first.db.pool.query<{ ids: string }>(`SELECT md5($1) AS ids`, [
      population.citizens.map((c) => c.personalId).sort().join(','),
    ]);
    expect(rows[0]).toEqual({ citizens: SCALE, households: population.households.length, ids: expected[0]!.ids });
  });

  it('stores personal IDs that agree with each citizen\'s sex and birth year', async () => {
    const { rows } = await first.db.pool.query<{ personal_id: string; sex: Sex; birth_year: number }>(
      `SELECT personal_id, sex, extract(year FROM birth_date)::int AS birth_year FROM citizens`,
    );
    expect(rows).toHaveLength(SCALE);
    expect(rows.filter((r) => !personalIdMatches(r.personal_id, r.sex, r.birth_year))).toEqual([]);
  });

  it('keeps every secondary index after the bulk load', async () => {
    const { rows } = await first.db.pool.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'citizens' ORDER BY indexname`);
    expect(rows.map((r) => r.indexname)).toEqual([
      'citizens_birth_date',
      'citizens_death_date',
      'citizens_father',
      'citizens_full_name_prefix',
      'citizens_household',
      'citizens_living_birth_date',
      'citizens_mother',
      'citizens_pkey',
      'citizens_province_personal_id',
    ]);
  });
});
