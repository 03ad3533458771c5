import { sql } from 'kysely';
import type { Database } from '../../../lib/db';
import type { SeedOptions } from '../../../lib/subgraph';
import { generateCitizens } from '../../../lib/synthetic';
import { civilServantsSubgraph } from '../../../subgraphs/civil-servants';
import type { Tables } from '../../../subgraphs/civil-servants/data/tables';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { testSeed } from '../../support/test-subgraph';

const SCALE = 10_000;
const options = testSeed(SCALE);
const databases: TestDatabase<Tables>[] = [];

async function seeded(seedOptions: SeedOptions): Promise<Database<Tables>> {
  const test = await createTestDatabase(civilServantsSubgraph);
  databases.push(test);
  expect(await civilServantsSubgraph.isEmpty(test.db)).toBe(true);
  await civilServantsSubgraph.seed(test.db, seedOptions);
  expect(await civilServantsSubgraph.isEmpty(test.db)).toBe(false);
  return test.db;
}

/** One hash over every row of both tables, in key order. */
async function checksum(db: Database<Tables>): Promise<string> {
  const { rows } = await sql<{ digest: string }>`
    SELECT md5((SELECT string_agg(a::text, '|' ORDER BY code) FROM agencies a)
            || (SELECT string_agg(c::text, '|' ORDER BY personal_id) FROM civil_servants c)) AS digest`.execute(db.kysely);
  return rows[0]!.digest;
}

let db: Database<Tables>;

beforeAll(async () => {
  db = await seeded(options);
});
afterAll(() => Promise.all(databases.map((d) => d.drop())));

describe('civil-servants: seed', () => {
  test('writes identical rows for the same options and different rows for another seed', async () => {
    const again = await seeded(options);
    const other = await seeded({ ...options, seed: options.seed + 1 });
    expect(await checksum(again)).toBe(await checksum(db));
    expect(await checksum(other)).not.toBe(await checksum(db));
  });

  test('takes every civil servant from the synthetic population, alive and turning 23–62 in the year of asOf, starting at 22 or older', async () => {
    const population = new Map([...generateCitizens(options.seed, SCALE, options.asOf)].map((c) => [c.personalId, c]));
    const rows = await db.kysely.selectFrom('civil_servants').select(['personal_id', 'start_date', 'province_code']).execute();
    // About 4% of the working-age population, as selectCivilServants draws it.
    expect(rows.length).toBeGreaterThan(SCALE * 0.015);
    expect(rows.length).toBeLessThan(SCALE * 0.035);
    const year = options.asOf.getUTCFullYear();
    const asOfDay = options.asOf.toISOString().slice(0, 10);
    for (const row of rows) {
      const citizen = population.get(row.personal_id);
      expect(citizen).toBeDefined();
      expect(citizen!.deathDate).toBeNull();
      const birthYear = Number(citizen!.birthDate.slice(0, 4));
      expect(year - birthYear).toBeGreaterThanOrEqual(23);
      expect(year - birthYear).toBeLessThanOrEqual(62);
      const twentySecondBirthday = `${birthYear + 22}${citizen!.birthDate.slice(4)}`;
      expect(row.start_date >= twentySecondBirthday).toBe(true);
      expect(row.start_date <= asOfDay).toBe(true);
      expect(row.province_code).toBe(citizen!.provinceCode);
    }
  });

  test('draws ranks roughly 70% A1, 25% A2 and 5% A3', async () => {
    const rows = await db.kysely.selectFrom('civil_servants').select(['rank_code', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('rank_code').execute();
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    const share = (code: string) => (rows.find((r) => r.rank_code === code)?.n ?? 0) / total;
    expect(share('01.003')).toBeGreaterThan(0.6);
    expect(share('01.003')).toBeLessThan(0.8);
    expect(share('01.002')).toBeGreaterThan(0.17);
    expect(share('01.002')).toBeLessThan(0.33);
    expect(share('01.001')).toBeGreaterThan(0.01);
    expect(share('01.001')).toBeLessThan(0.1);
  });
});
