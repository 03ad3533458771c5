import { verifyAuditChain } from '../../subgraphs/audit/data/verify-chain';
import { startTestGraph, type TestGraph } from '../support/test-graph';

let graph: TestGraph;
let citizen: string;
const auditRows = async () => (await graph.subgraphs.audit!.db.pool.query('SELECT * FROM audit_log ORDER BY seq')).rows;

beforeAll(async () => {
  graph = await startTestGraph(1_000);
  citizen = (await graph.subgraphs.residents!.db.pool.query("SELECT personal_id FROM citizens WHERE province_code = '46' ORDER BY personal_id LIMIT 1")).rows[0].personal_id;
});
afterAll(() => graph.stop());

describe('The audit log, through the gateway', () => {
  it('records who read which citizen\'s which fields, why, and writes nothing for aggregates', async () => {
    const before = (await auditRows()).length;
    const officer = await graph.token({ role: 'province-officer', province: '46', purpose: 'Giải quyết hồ sơ DVC02' });
    const read = await graph.query(`query Profile { citizen(personalId: "${citizen}") { fullName birthDate } }`, {}, officer);
    expect(read.body.errors).toBeUndefined();
    const analyst = await graph.token({ role: 'province-analyst', province: '46' });
    const aggregate = await graph.query('{ province(code: "46") { population { total } } }', {}, analyst);
    expect(aggregate.body.errors).toBeUndefined();

    const rows = await auditRows();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toEqual(
      expect.objectContaining({
        subject: 'officer:province-officer:46',
        role: 'province-officer',
        province: '46',
        purpose: 'Giải quyết hồ sơ DVC02',
        operation_name: 'Profile',
        citizens: [citizen],
        fields: ['Citizen.birthDate', 'Citizen.fullName', 'Query.citizen'],
      }),
    );
    expect(await verifyAuditChain(graph.subgraphs.audit!.db as unknown as Parameters<typeof verifyAuditChain>[0], await graph.auditTrust())).toEqual(
      expect.objectContaining({ intact: true, unsigned: 0 }),
    );
  });

  it('lets a citizen see who read their data, and nobody else\'s', async () => {
    const own = await graph.token({ role: 'citizen', subject: citizen, purpose: 'Xem lịch sử truy cập' });
    const { body } = await graph.query(`{ citizen(personalId: "${citizen}") { accessLog(first: 50) { subject purpose citizens } } }`, {}, own);
    const log = (body.data as { citizen: { accessLog: { subject: string; purpose: string; citizens: string[] }[] } }).citizen.accessLog;
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((r) => r.citizens.length === 1 && r.citizens[0] === citizen)).toBe(true);
    expect(log.some((r) => r.subject === 'officer:province-officer:46' && r.purpose === 'Giải quyết hồ sơ DVC02')).toBe(true);

    const officer = await graph.token({ role: 'province-officer', province: '46', purpose: 'tò mò' });
    const refused = await graph.query(`{ auditLog(first: 5) { edges { cursor } } }`, {}, officer);
    expect(refused.body).toEqual({ data: { auditLog: null }, errors: [expect.objectContaining({ path: ['auditLog'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } })] });
  });

  it('fails closed: when the log cannot be written, personal data is not returned', async () => {
    const pool = graph.subgraphs.audit!.db.pool;
    await pool.query('ALTER FUNCTION audit_append RENAME TO audit_append_unavailable');
    try {
      const officer = await graph.token({ role: 'province-officer', province: '46', purpose: 'Giải quyết hồ sơ' });
      const personal = await graph.query(`{ citizen(personalId: "${citizen}") { fullName } }`, {}, officer);
      expect(personal).toEqual({
        status: 503,
        body: { data: null, errors: [{ message: expect.any(String), extensions: { code: 'AUDIT_UNAVAILABLE' } }] },
      });
      const aggregate = await graph.query('{ province(code: "46") { population { total } } }', {}, officer);
      expect(aggregate.status).toBe(200);
      expect(aggregate.body.errors).toBeUndefined();
    } finally {
      await pool.query('ALTER FUNCTION audit_append_unavailable RENAME TO audit_append');
    }
  });
});
