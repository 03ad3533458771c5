import pg from 'pg';
import { startTestGraph, type TestGraph } from '../support/test-graph';

/*
 * A lock held on the audit log (an operator's long transaction, a hung backup) no longer hangs
 * every personal read for as long as the lock: appends give up after AUDIT_APPEND_TIMEOUT_MS,
 * the read fails closed, /ready says so, and everything recovers when the lock goes.
 */

let graph: TestGraph;
let personalId: string;
const origin = () => new URL(graph.url).origin;
const sql = async (subgraph: string, text: string, values: unknown[] = []) => (await graph.subgraphs[subgraph]!.db.pool.query(text, values)).rows;
const ready = async () => {
  const response = await fetch(`${origin()}/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  graph = await startTestGraph(300, { audit: { appendTimeoutMs: 300 } });
  [{ personal_id: personalId }] = (await sql('residents', 'SELECT personal_id FROM citizens ORDER BY personal_id LIMIT 1')) as [{ personal_id: string }];
});
afterAll(() => graph.stop());

describe('While a lock is held on the audit log', () => {
  let operator: pg.Client;

  beforeAll(async () => {
    operator = new pg.Client({ connectionString: graph.subgraphs.audit!.db.url });
    await operator.connect();
    await operator.query('BEGIN');
    await operator.query('LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE');
  });
  afterAll(async () => {
    await operator.query('ROLLBACK').catch(() => undefined);
    await operator.end();
  });

  test('a personal read fails closed with AUDIT_UNAVAILABLE (503) instead of waiting for the lock', async () => {
    const response = await graph.query(`{ citizen(personalId: "${personalId}") { fullName } }`);
    expect(response).toEqual({
      status: 503,
      body: { data: null, errors: [{ message: 'The audit log could not record this read of personal data, so nothing is returned.', extensions: { code: 'AUDIT_UNAVAILABLE' } }] },
    });
  });

  test('a change is not made: AUDIT_UNAVAILABLE before any subgraph is asked', async () => {
    const [{ count: before }] = (await sql('public-services', 'SELECT count(*)::int AS count FROM dossiers')) as [{ count: number }];
    const response = await graph.query(`mutation { submitDossier(input: { procedureCode: "DVC02", applicantId: "${personalId}", provinceCode: "46", channel: ONLINE }) { code } }`);
    expect(response.status).toBe(503);
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(await sql('public-services', 'SELECT count(*)::int AS count FROM dossiers')).toEqual([{ count: before }]);
  });

  test('aggregates, which are not recorded, are still answered', async () => {
    const response = await graph.query('{ province(code: "46") { name population { total } } }');
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  test('/ready answers 503, naming the audit log', async () => {
    expect(await ready()).toEqual({
      status: 503,
      body: { status: 'unavailable', audit: 'unavailable', subgraphs: { residents: 'ok', 'civil-servants': 'ok', 'public-services': 'ok', payments: 'ok', audit: 'ok' } },
    });
  });
});

describe('Once the lock is released', () => {
  test('/ready answers 200 and personal reads are answered and recorded again, with no record left of the reads that failed', async () => {
    expect((await ready()).status).toBe(200);
    const response = await graph.query(`{ citizen(personalId: "${personalId}") { fullName } }`);
    expect(response.body.errors).toBeUndefined();
    const kinds = await sql('audit', "SELECT kind FROM audit_log WHERE operation_name IS NULL AND $1 = ANY(citizens) ORDER BY seq", [personalId]);
    expect(kinds).toEqual([{ kind: 'read' }]);
  });
});
