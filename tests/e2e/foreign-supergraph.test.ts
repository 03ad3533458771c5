import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueDevToken } from '../../lib/auth';
import { databaseUrl } from '../../lib/db';
import { auditSubgraph } from '../../subgraphs/audit';
import type { Tables } from '../../subgraphs/audit/data/tables';
import { startForeignSubgraphs, type ForeignSubgraphs } from '../support/foreign/foreign-subgraphs';
import { composeForeign } from '../support/foreign/serve-foreign';
import { vaccinationsSdl } from '../support/foreign/vaccinations';
import { freePort } from '../support/free-port';
import { postGraphQL } from '../support/graphql-client';
import { buildDist, launch, type Launch } from '../support/launcher';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../support/test-database';

/*
 * The deployed entry, `node dist/gateway/main.js`, on a supergraph a ministry composed from its own
 * subgraphs, none of them LiênThông's: no code change, no LiênThông URL settings, routing from the
 * supergraph. (Issue 11: it used to exit, naming the five URL settings of LiênThông's subgraphs.)
 */

const ROOT = path.resolve(__dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'lienthong-foreign-'));
const supergraphFile = path.join(dataDir, 'supergraph.graphql');
let foreign: ForeignSubgraphs;
let audit: TestDatabase<Tables>;
let env: Record<string, string>;
let gateway: Launch;
let graphqlUrl: string;

const PROFILE = '{ citizen(personalId: "001090000001") { vaccinations { vaccine dose } drivingLicence { class } } }';

async function ask(query = PROFILE): Promise<{ data?: { citizen: { vaccinations: unknown; drivingLicence: { class: string } | null } } | null; errors?: unknown[] }> {
  const token = await issueDevToken({ dataDir, role: 'province-officer', province: '01', purpose: 'Kiểm tra tiêm chủng', ttlSeconds: 300 });
  return (await postGraphQL(graphqlUrl, query, {}, { authorization: `Bearer ${token}` })).body as never;
}

/** Runs the entry to its exit with this configuration and supergraph: what it printed, and its exit code. */
function runToExit(supergraphSdl: string, extra: Record<string, string> = {}) {
  const file = path.join(dataDir, `refused-${Math.random().toString(36).slice(2)}.graphql`);
  writeFileSync(file, supergraphSdl);
  return spawnSync(process.execPath, ['dist/gateway/main.js'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env, SUPERGRAPH_PATH: file, ...extra } });
}

beforeAll(async () => {
  buildDist();
  foreign = await startForeignSubgraphs(dataDir);
  audit = await createTestDatabase(auditSubgraph);
  writeFileSync(supergraphFile, foreign.supergraph());
  const port = await freePort();
  graphqlUrl = `http://127.0.0.1:${port}/graphql`;
  env = {
    LT_DATA_DIR: dataDir,
    GATEWAY_PORT: String(port),
    SUPERGRAPH_PATH: supergraphFile,
    AUDIT_DATABASE_URL: databaseUrl(testServerUrl(), audit.db.name),
    DATABASE_URL: '',
    // SIGHUP alone reloads here, so each reload happens when the test says.
    SUPERGRAPH_WATCH_MS: '0',
    LOG_LEVEL: 'info',
  };
  gateway = launch(env, 'dist/gateway/main.js');
  await gateway.waitFor('LiênThông gateway at');
});

afterAll(async () => {
  if (gateway && gateway.process.exitCode === null) {
    gateway.interrupt();
    await gateway.exited;
  }
  await foreign?.close();
  await audit?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('node dist/gateway/main.js on a foreign supergraph', () => {
  test('answers one query across the ministry\'s subgraphs, as routed by the supergraph', async () => {
    expect(await ask()).toEqual({ data: { citizen: { vaccinations: [{ vaccine: 'Sởi', dose: 1 }, { vaccine: 'Viêm gan B', dose: 2 }], drivingLicence: { class: 'B2' } } } });
  });

  test('hands the subgraph the caller it signed: an officer of Hà Nội sees Hà Nội\'s centres only', async () => {
    expect(await ask('{ vaccinationCentres { name provinceCode } }')).toEqual({ data: { vaccinationCentres: [{ name: 'Trung tâm Y tế Ba Đình', provinceCode: '01' }] } });
  });

  test('records the read of personal data in the audit log, naming the citizen its subgraph reported', async () => {
    const { rows } = await audit.db.pool.query<{ fields: string[]; citizens: string[]; purpose: string }>("SELECT fields, citizens, purpose FROM audit_log WHERE purpose = 'Kiểm tra tiêm chủng'");
    expect(rows[0]).toEqual({ fields: ['Citizen.drivingLicence', 'Citizen.vaccinations', 'Query.citizen'], citizens: ['001090000001'], purpose: 'Kiểm tra tiêm chủng' });
  });

  test('serves a new supergraph after SIGHUP, without a restart', async () => {
    writeFileSync(supergraphFile, foreign.supergraph({ licencesUrl: foreign.otherLicences.url }));
    gateway.process.kill('SIGHUP');
    await gateway.waitFor('"msg":"supergraph reloaded"');
    expect((await ask()).data?.citizen.drivingLicence).toEqual({ class: 'C' });
  });

  test('refuses a supergraph it cannot serve with a log line, and keeps serving the one it had', async () => {
    writeFileSync(supergraphFile, 'type Query { nothing: String }');
    gateway.process.kill('SIGHUP');
    await gateway.waitFor('"msg":"supergraph reload refused: the gateway keeps serving the supergraph it had"');
    expect(gateway.output()).toContain('"reason":"Invalid supergraph: must be a core schema"');
    expect((await ask()).data?.citizen.drivingLicence).toEqual({ class: 'C' });
  });

  test('stops on SIGTERM, not on SIGHUP', async () => {
    expect(gateway.process.exitCode).toBeNull();
    gateway.process.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });
});

describe('node dist/gateway/main.js refuses to start, in one line and exit 1,', () => {
  test('on a supergraph whose subgraph forgot to declare an access rule', () => {
    const careless = composeForeign([
      { name: 'vaccinations', typeDefs: vaccinationsSdl().replace('vaccinationCentres: [VaccinationCentre!]! @authenticated', 'vaccinationCentres: [VaccinationCentre!]!'), url: foreign.vaccinations.url },
    ]);
    const result = runToExit(careless);
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 1,
      stderr: 'The supergraph leaves 1 field without an access rule, which any valid token could read: Query.vaccinationCentres. Declare @authenticated, @requiresScopes or @policy on each in the subgraph that resolves it (README: Adding a database).\n',
    });
  });

  test('when SUBGRAPH_URL_<NAME> names a subgraph the supergraph does not have', () => {
    const result = runToExit(foreign.supergraph(), { SUBGRAPH_URL_RESIDENTS: 'http://127.0.0.1:4001/graphql' });
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 1,
      stderr: 'SUBGRAPH_URL_RESIDENTS names a subgraph the supergraph does not route to (it has licences, vaccinations).\n',
    });
  });
});
