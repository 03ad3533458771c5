import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { TEST_AS_OF } from '../../support/test-subgraph';
import { publicServicesSubgraph } from '../../../subgraphs/public-services';
import type { PublicServicesTables } from '../../../subgraphs/public-services/data/tables';

const SCALE = 1_500;
const databases: TestDatabase<PublicServicesTables>[] = [];

afterAll(() => Promise.all(databases.map((d) => d.drop())));

async function seeded(seed: number) {
  const database = await createTestDatabase(publicServicesSubgraph);
  databases.push(database);
  expect(await publicServicesSubgraph.isEmpty(database.db)).toBe(true);
  await publicServicesSubgraph.seed(database.db, { seed, scale: SCALE, asOf: TEST_AS_OF, faultRate: 0 });
  expect(await publicServicesSubgraph.isEmpty(database.db)).toBe(false);
  return database.db;
}

/** A fingerprint of every seeded row, event ids included. */
async function checksum(db: TestDatabase<PublicServicesTables>['db']) {
  const { rows } = await db.pool.query<{ dossiers: string; events: string }>(`
    SELECT (SELECT md5(string_agg(d::text, '|' ORDER BY code)) FROM dossiers d) AS dossiers,
           (SELECT md5(string_agg(e::text, '|' ORDER BY id)) FROM dossier_events e) AS events`);
  return rows[0]!;
}

describe('Seeding public-services', () => {
  let first: TestDatabase<PublicServicesTables>['db'];

  beforeAll(async () => {
    first = await seeded(6);
  });

  test('writes the same rows for the same options and different ones for another seed', async () => {
    const again = await seeded(6);
    const other = await seeded(7);
    expect(await checksum(again)).toEqual(await checksum(first));
    const [a, b] = [await checksum(first), await checksum(other)];
    expect(b.dossiers).not.toBe(a.dossiers);
    expect(b.events).not.toBe(a.events);
  });

  test('writes 0.6 dossiers a citizen, each history opening with SUBMIT and ending in the dossier\'s status', async () => {
    const { rows } = await first.pool.query(`
      SELECT count(*) AS dossiers,
             count(*) FILTER (WHERE e.first_action = 'SUBMIT' AND e.first_to = 1 AND e.last_to = d.status) AS consistent,
             (SELECT count(*) FROM procedures) AS procedures,
             (SELECT count(*) FROM dossier_events) AS events
        FROM dossiers d
        JOIN LATERAL (
          SELECT (array_agg(action ORDER BY id))[1] AS first_action,
                 (array_agg(to_status ORDER BY id))[1] AS first_to,
                 (array_agg(to_status ORDER BY id DESC))[1] AS last_to
            FROM dossier_events WHERE dossier_code = d.code
        ) e ON true`);
    expect(rows[0]).toEqual({ dossiers: SCALE * 0.6, consistent: SCALE * 0.6, procedures: 25, events: expect.any(Number) });
    expect(rows[0].events / rows[0].dossiers).toBeGreaterThan(4);
  });

  test('puts back every index and foreign key it set aside for the load', async () => {
    const { rows } = await first.pool.query(`
      SELECT (SELECT count(*) FROM pg_indexes WHERE tablename IN ('dossiers', 'dossier_events')) AS indexes,
             (SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('dossiers'::regclass, 'dossier_events'::regclass)) AS foreign_keys`);
    expect(rows[0]).toEqual({ indexes: 10, foreign_keys: 2 });
  });
});
