import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { KEY_RULES, wellFormedDossierCode, wellFormedPersonalId } from '../../../lib/data-health';
import { databaseUrl, dropDatabase, ensureDatabase, openDatabase, type Database } from '../../../lib/db';
import { testServerUrl } from '../../support/test-database';

/* The data-health checks count malformed keys in SQL and in TypeScript: both must say the same. */

const databaseName = `t_lib_well_formed_${randomBytes(4).toString('hex')}`;
let db: Database<unknown>;

beforeAll(async () => {
  await ensureDatabase(testServerUrl(), databaseName);
  db = openDatabase({ url: databaseUrl(testServerUrl(), databaseName), poolSize: 2 });
});
afterAll(async () => {
  await db?.close();
  await dropDatabase(testServerUrl(), databaseName);
});

const PERSONAL_IDS = [
  '067179692851', // Huế, a woman born in 1979
  '001090000001', // Hà Nội, a man born in 1990
  '001200000001', // born in 2000, in the 2000s' century digit
  '001399000001', // born in 2099: in the future
  '000179692851', // 000: no province of birth registration
  '99917969285', // eleven digits
  '06717969285x', // not digits
  '0671796928510', // thirteen digits
  '',
];
const DOSSIER_CODES = ['46-DVC02-261103-000042', '46-DVC02-261103-9000001', '46-DVC02-261103-42', '46-XYZ02-261103-000042', 'not-a-code'];

async function judged(values: readonly string[], predicate: (column: string) => ReturnType<typeof wellFormedPersonalId>): Promise<boolean[]> {
  const { rows } = await sql<{ ok: boolean }>`SELECT ${predicate('v')} AS ok FROM unnest(${values}::text[]) WITH ORDINALITY AS t(v, i) ORDER BY i`.execute(db.kysely);
  return rows.map((row) => row.ok);
}

describe('Well-formed keys, in SQL as in TypeScript', () => {
  test('personal IDs: twelve digits, a known province prefix, a birth year not in the future', async () => {
    expect(await judged(PERSONAL_IDS, wellFormedPersonalId)).toEqual(PERSONAL_IDS.map(KEY_RULES.personalId));
    expect(PERSONAL_IDS.map(KEY_RULES.personalId)).toEqual([true, true, true, false, false, false, false, false, false]);
  });

  test('dossier codes: province, procedure, day and serial', async () => {
    expect(await judged(DOSSIER_CODES, wellFormedDossierCode)).toEqual(DOSSIER_CODES.map(KEY_RULES.dossierCode));
    expect(DOSSIER_CODES.map(KEY_RULES.dossierCode)).toEqual([true, true, false, false, false]);
  });
});
