import pino from 'pino';
import type { RunningGateway } from '../../../gateway/start-gateway';
import { EVERY_FIXTURE_SCOPE, useFixtureGraph } from './fixtures/fixture-graph';
import { postJson } from './http-client';

const graph = useFixtureGraph();

afterEach(() => {
  graph().audit.failing = false;
  graph().audit.refusedKinds.clear();
  graph().audit.onAppend = null;
});

const officer = () => graph().headers({ scopes: EVERY_FIXTURE_SCOPE, role: 'province-officer', province: '46', purpose: 'ghi chú hồ sơ' });

/** Runs a request against a gateway and returns its response, the audit records it added and the requests the people fixture received. */
async function sent(query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>, gateway: RunningGateway = graph().gateway) {
  const records = graph().audit.records.length;
  const received = graph().people.received.length;
  const response = await postJson(gateway.url, { query, variables }, { ...(headers ?? (await officer())), 'x-request-id': 'note-req-1' });
  return { response, records: graph().audit.records.slice(records), received: graph().people.received.slice(received) };
}

const NOTE = 'mutation Note($n: CitizenNoteInput!) { noteCitizen(note: $n) { fullName } }';
const CALLER = { requestId: 'note-req-1', subject: 'officer:province-officer:46', role: 'province-officer', province: '46', purpose: 'ghi chú hồ sơ' };

describe('A subgraph\'s mutation declared personal data, through the gateway', () => {
  test('is recorded before it is forwarded (its intent, naming everyone its arguments name) and after (its outcome)', async () => {
    const requestsSeenAt: Record<string, number> = {};
    graph().audit.onAppend = (record) => void (requestsSeenAt[record.kind] = graph().people.received.length);
    const { response, records, received } = await sent(NOTE, { n: { about: '001090000001', mentions: ['079185000002', '001090000001'], text: 'gặp trực tiếp' } });
    expect(response.json).toEqual({ data: { noteCitizen: { fullName: 'Nguyễn Văn An' } } });
    expect(received.map((r) => r.query)).toEqual([expect.stringContaining('noteCitizen')]);
    // The subgraph had not been asked when the intent was appended, and had answered when the outcome was.
    expect(requestsSeenAt.outcome! - requestsSeenAt.intent!).toBe(1);
    expect(records).toEqual([
      { ...CALLER, at: expect.any(Date), operationName: 'Note', kind: 'intent', outcome: null, errorCodes: [], fields: ['Mutation.noteCitizen'], citizens: ['001090000001', '079185000002'] },
      {
        ...CALLER,
        at: expect.any(Date),
        operationName: 'Note',
        kind: 'outcome',
        outcome: 'SUCCEEDED',
        errorCodes: [],
        fields: ['Citizen.fullName', 'Mutation.noteCitizen'],
        citizens: ['001090000001', '079185000002'],
      },
    ]);
    expect(records[0]!.at.getTime()).toBeLessThanOrEqual(records[1]!.at.getTime());
  });

  test('names nobody for a malformed personal ID, which the subgraph refuses before anything runs', async () => {
    const { response, records } = await sent(NOTE, { n: { about: '001090000001', mentions: ['12345'], text: 'x' } });
    expect(response.json).toEqual({ data: { noteCitizen: null }, errors: [expect.objectContaining({ path: ['noteCitizen'], extensions: { code: 'INVALID_PERSONAL_ID' } })] });
    expect(records.map((r) => [r.kind, r.citizens, r.outcome])).toEqual([
      ['intent', ['001090000001'], null],
      ['outcome', ['001090000001'], 'FAILED'],
    ]);
  });

  test('reads the citizens of literal arguments, aliases and fragments, and not of fields @skip leaves out', async () => {
    const { records } = await sent(
      `mutation ($skip: Boolean!) {
        a: noteCitizen(note: { about: "046200000003", text: "x" }) { fullName }
        ...More
      }
      fragment More on Mutation {
        b: noteCitizen(note: { about: "079185000002", text: "y" }) @skip(if: $skip) { fullName }
        ... on Mutation { c: noteCitizen(note: { about: "001090000001", text: "z" }) { fullName } }
      }`,
      { skip: true },
    );
    expect(records[0]).toEqual(expect.objectContaining({ kind: 'intent', operationName: null, citizens: ['001090000001', '046200000003'] }));
    expect(records[1]).toEqual(expect.objectContaining({ kind: 'outcome', outcome: 'SUCCEEDED' }));
  });

  test('records a change whose every field failed itself as FAILED, with the error codes', async () => {
    const { response, records } = await sent('mutation { noteCitizen(note: { about: "001090999999", text: "y" }) { fullName } }');
    expect(response.json).toEqual({ data: { noteCitizen: null }, errors: [expect.objectContaining({ path: ['noteCitizen'], extensions: { code: 'NOT_FOUND' } })] });
    expect(records.map((r) => [r.kind, r.outcome, r.errorCodes])).toEqual([
      ['intent', null, []],
      ['outcome', 'FAILED', ['NOT_FOUND']],
    ]);
  });

  test('records a change of which one field was made and another failed as PARTIAL', async () => {
    const { response, records } = await sent('mutation { ok: noteCitizen(note: { about: "001090000001", text: "x" }) { fullName } nobody: noteCitizen(note: { about: "001090999999", text: "y" }) { fullName } }');
    expect(response.json).toEqual({ data: { ok: { fullName: 'Nguyễn Văn An' }, nobody: null }, errors: [expect.objectContaining({ path: ['nobody'], extensions: { code: 'NOT_FOUND' } })] });
    expect(records.map((r) => [r.kind, r.outcome, r.errorCodes])).toEqual([
      ['intent', null, []],
      ['outcome', 'PARTIAL', ['NOT_FOUND']],
    ]);
  });

  test('records as UNCERTAIN a change whose subgraph did not answer: it may have made it', async () => {
    // Nobody listens on port 1: the call fails as a subgraph that is down (or timed out) does.
    const gateway = await graph().startGateway({ subgraphUrls: { people: 'http://127.0.0.1:1/graphql', jobs: graph().jobs.url } });
    try {
      const { response, records } = await sent(NOTE, { n: { about: '001090000001', text: 'x' } }, undefined, gateway);
      expect(response.json).toEqual({ data: { noteCitizen: null }, errors: [expect.objectContaining({ path: ['noteCitizen'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } })] });
      expect(records.map((r) => [r.kind, r.outcome, r.errorCodes])).toEqual([
        ['intent', null, []],
        ['outcome', 'UNCERTAIN', ['SUBGRAPH_UNAVAILABLE']],
      ]);
    } finally {
      await gateway.close();
    }
  });

  test('a mutation that changes nothing personal needs no purpose and is not recorded', async () => {
    const { response, records } = await sent('mutation { ping }', {}, await graph().headers({ scopes: [] }));
    expect(response.json).toEqual({ data: { ping: true } });
    expect(records).toEqual([]);
  });

  test('without a purpose: 403 PURPOSE_REQUIRED, nothing forwarded, nothing recorded', async () => {
    const { response, records, received } = await sent(NOTE, { n: { about: '001090000001', text: 'x' } }, await graph().headers({ scopes: EVERY_FIXTURE_SCOPE }));
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'PURPOSE_REQUIRED' } })] });
    expect({ records, received }).toEqual({ records: [], received: [] });
  });

  test('when its intent cannot be recorded: 503 AUDIT_UNAVAILABLE and the subgraph is never asked', async () => {
    graph().audit.refusedKinds.add('intent');
    const { response, records, received } = await sent(NOTE, { n: { about: '001090000001', text: 'x' } });
    expect(response.status).toBe(503);
    expect(response.json).toEqual({
      data: null,
      errors: [{ message: 'The audit log could not record this change of personal data before it was made, so it was not made.', extensions: { code: 'AUDIT_UNAVAILABLE' } }],
    });
    expect({ records, received }).toEqual({ records: [], received: [] });
  });

  test('when only its outcome cannot be recorded: the client gets the result, and the outcome goes to the error log in full', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const gateway = await graph().startGateway({ logger });
    try {
      graph().audit.refusedKinds.add('outcome');
      const { response, records } = await sent(NOTE, { n: { about: '001090000001', text: 'x' } }, undefined, gateway);
      expect(response.json).toEqual({ data: { noteCitizen: { fullName: 'Nguyễn Văn An' } } });
      expect(records.map((r) => r.kind)).toEqual(['intent']);
      const logged = lines.map((line) => JSON.parse(line) as { msg: string; requestId: string; auditRecord?: Record<string, unknown> });
      expect(logged).toEqual([
        expect.objectContaining({
          msg: expect.stringMatching(/^AUDIT OUTCOME NOT RECORDED/),
          requestId: 'note-req-1',
          auditRecord: expect.objectContaining({ kind: 'outcome', outcome: 'SUCCEEDED', operationName: 'Note', citizens: ['001090000001'] }),
        }),
      ]);
    } finally {
      await gateway.close();
    }
  });

  test('variables that do not coerce are refused as before, with nothing recorded or forwarded', async () => {
    const { response, records, received } = await sent(NOTE, { n: { about: '001090000001' } });
    expect(response.json).toEqual({ errors: [expect.objectContaining({ message: expect.stringContaining('"text" of required type "String!" was not provided') })] });
    expect({ records, received }).toEqual({ records: [], received: [] });
  });
});
