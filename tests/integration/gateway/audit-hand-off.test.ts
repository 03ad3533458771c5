import { EVERY_FIXTURE_SCOPE, useFixtureGraph } from './fixtures/fixture-graph';
import { postJson } from './http-client';

const graph = useFixtureGraph();

afterEach(() => {
  graph().audit.failing = false;
});

/** Runs a request and returns its response with the audit records it added. */
async function audited(query: string, headers: Record<string, string>) {
  const before = graph().audit.records.length;
  const response = await postJson(graph().gateway.url, { query }, headers);
  return { response, records: graph().audit.records.slice(before) };
}

const officer = () => graph().headers({ scopes: EVERY_FIXTURE_SCOPE, role: 'province-officer', province: '46', purpose: 'dossier 46-DVC02-251123-000042' });

describe('Audit hand-off', () => {
  test('an operation reading personal data is recorded once: who, why, whose data from every subgraph, which fields', async () => {
    const headers = { ...(await officer()), 'x-request-id': 'audit-req-1' };
    const started = Date.now();
    const { response, records } = await audited(
      'query Profile { citizen(personalId: "001090000001") { fullName job { title } } roster { fullName } provinces { population } }',
      headers,
    );
    expect(response.status).toBe(200);
    expect(records).toEqual([
      {
        requestId: 'audit-req-1',
        at: expect.any(Date),
        subject: 'officer:province-officer:46',
        role: 'province-officer',
        province: '46',
        purpose: 'dossier 46-DVC02-251123-000042',
        operationName: 'Profile',
        citizens: ['001090000001', '046200000003', '079185000002'],
        fields: ['Citizen.fullName', 'Citizen.job', 'Query.citizen', 'Query.roster'],
        kind: 'read',
        outcome: null,
        errorCodes: [],
      },
    ]);
    expect(records[0]!.at.getTime()).toBeGreaterThanOrEqual(started);
  });

  test('the subgraphs\' access reports stay inside the gateway', async () => {
    const { response } = await audited('{ citizen(personalId: "001090000001") { fullName } }', await officer());
    expect(response.json).toEqual({ data: { citizen: { fullName: 'Nguyễn Văn An' } } });
    expect(response.text).not.toContain('accessedCitizens');
  });

  test('fields removed for scopes are not recorded as read', async () => {
    const headers = await graph().headers({ scopes: ['residents:read'], purpose: 'partial read' });
    const { records } = await audited('{ citizen(personalId: "001090000001") { fullName phone } }', headers);
    expect(records.map((r) => r.fields)).toEqual([['Citizen.fullName', 'Query.citizen']]);
  });

  test('aggregates and reference data are not personal data: no record', async () => {
    const { response, records } = await audited('{ provinces { code population } }', await officer());
    expect(response.json).toEqual({ data: { provinces: [{ code: '46', population: 1_200_000 }] } });
    expect(records).toEqual([]);
  });

  test('a refused request reads nothing and records nothing', async () => {
    const withoutPurpose = await graph().headers({ scopes: ['residents:read'] });
    const { response, records } = await audited('{ citizen(personalId: "001090000001") { fullName } }', withoutPurpose);
    expect(response.status).toBe(403);
    expect(records).toEqual([]);
  });

  test('when the audit log cannot record the read, the client gets no data: 503 AUDIT_UNAVAILABLE', async () => {
    graph().audit.failing = true;
    const { response } = await audited('{ citizen(personalId: "001090000001") { fullName } }', await officer());
    expect(response.status).toBe(503);
    expect(response.json).toEqual({
      data: null,
      errors: [{ message: 'The audit log could not record this read of personal data, so nothing is returned.', extensions: { code: 'AUDIT_UNAVAILABLE' } }],
    });
    expect(response.text).not.toContain('Nguyễn');
  });

  test('an audit log that is down does not stop reads of non-personal data', async () => {
    graph().audit.failing = true;
    const { response } = await audited('{ provinces { code } }', await officer());
    expect(response.json).toEqual({ data: { provinces: [{ code: '46' }] } });
  });
});
