import { randomUUID } from 'node:crypto';
import { SCOPES } from '../../lib/auth';
import { verifyAuditChain } from '../../subgraphs/audit/data/verify-chain';
import { postGraphQL } from '../support/graphql-client';
import { errorCodes } from '../support/response-checks';
import { startTestGraph, type TestGraph } from '../support/test-graph';

let graph: TestGraph;
/** A citizen of province 46, who applies and pays in these tests. */
let applicant: string;

beforeAll(async () => {
  graph = await startTestGraph(1_000);
  applicant = (await graph.subgraphs.residents!.db.pool.query("SELECT personal_id FROM citizens WHERE province_code = '46' ORDER BY personal_id LIMIT 1")).rows[0].personal_id;
});
afterAll(() => graph.stop());

const db = (subgraph: string) => graph.subgraphs[subgraph]!.db.pool;
const count = async (subgraph: string, table: string): Promise<number> => Number((await db(subgraph).query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
/** Rows of the tables a mutation could change, and of the audit log. */
const rowCounts = async () => ({
  dossiers: await count('public-services', 'dossiers'),
  dossierEvents: await count('public-services', 'dossier_events'),
  payments: await count('payments', 'payments'),
  auditRecords: await count('audit', 'audit_log'),
});

/** Counts the requests that reach a subgraph while `run` runs. */
async function requestsTo(subgraph: string, run: () => Promise<unknown>): Promise<number> {
  let requests = 0;
  const counted = () => (requests += 1);
  const server = graph.subgraphs[subgraph]!.server.server;
  server.on('request', counted);
  try {
    await run();
  } finally {
    server.off('request', counted);
  }
  return requests;
}

/** The audit records of one request, in chain order, with the columns a test checks. */
const recordsOf = async (requestId: string) =>
  (
    await db('audit').query(
      `SELECT seq, kind, outcome, error_codes, subject, role, province, purpose, operation_name, fields, citizens
         FROM audit_log WHERE request_id = $1 ORDER BY seq`,
      [requestId],
    )
  ).rows.map(({ seq: _seq, ...columns }) => columns);

/** Sends an operation as the holder of `token`, under a request id of its own. */
async function send(token: string, source: string, variables: Record<string, unknown> = {}) {
  const requestId = `e2e-${randomUUID()}`;
  const response = await postGraphQL(graph.url, source, variables, { authorization: `Bearer ${token}`, 'x-request-id': requestId });
  return { ...response, requestId };
}

const SUBMIT = 'mutation Submit($id: PersonalId!) { submitDossier(input: { procedureCode: "DVC09", applicantId: $id, provinceCode: "46", channel: ONLINE }) { code status } }';
const OFFICER_PURPOSE = 'Tiếp nhận hồ sơ một cửa';
const officer = () => graph.token({ role: 'province-officer', province: '46', purpose: OFFICER_PURPOSE });

/** Every mutation of the graph, each with the subgraph that makes it. */
const MUTATIONS: [string, string, string][] = [
  ['submitDossier', 'public-services', 'mutation { submitDossier(input: { procedureCode: "DVC09", applicantId: "001198000001", provinceCode: "46", channel: ONLINE }) { __typename } }'],
  ['transitionDossier', 'public-services', 'mutation { transitionDossier(code: "46-DVC09-261101-000001", action: RECEIVE) { __typename } }'],
  ['initiatePayment', 'payments', 'mutation { initiatePayment(dossierCode: "46-DVC09-261101-000001", method: E_WALLET, idempotencyKey: "k-no-purpose") { __typename } }'],
  ['settlePayment', 'payments', 'mutation { settlePayment(id: "1", succeeded: true) { __typename } }'],
  ['refundPayment', 'payments', 'mutation { refundPayment(id: "1") { __typename } }'],
];

describe('A mutation of personal data, through the gateway', () => {
  it.each(MUTATIONS)('%s without a stated purpose is refused with PURPOSE_REQUIRED (403), never reaches %s and is not recorded', async (_name, subgraph, source) => {
    const noPurpose = await graph.token({ role: 'auditor', scopes: Object.keys(SCOPES) as never });
    const before = await rowCounts();
    let response: Awaited<ReturnType<typeof send>> | undefined;
    expect(await requestsTo(subgraph, async () => (response = await send(noPurpose, source)))).toBe(0);
    expect(response!.status).toBe(403);
    expect(errorCodes(response!.body)).toEqual(['PURPOSE_REQUIRED']);
    expect(response!.body.data ?? null).toBeNull();
    expect(await rowCounts()).toEqual(before);
  });

  it('with a purpose is recorded twice: its intent, naming the applicant of its arguments, before anything; its outcome after', async () => {
    const { body, requestId } = await send(await officer(), SUBMIT, { id: applicant });
    expect(body.errors).toBeUndefined();
    const caller = { subject: 'officer:province-officer:46', role: 'province-officer', province: '46', purpose: OFFICER_PURPOSE };
    // Between the two, the subgraph's check of the applicant, made through the gateway as the caller, is a read of its own.
    expect(await recordsOf(requestId)).toEqual([
      { ...caller, operation_name: 'Submit', kind: 'intent', outcome: null, error_codes: [], fields: ['Mutation.submitDossier'], citizens: [applicant] },
      expect.objectContaining({ ...caller, kind: 'read', citizens: [applicant] }),
      { ...caller, operation_name: 'Submit', kind: 'outcome', outcome: 'SUCCEEDED', error_codes: [], fields: ['Dossier.code', 'Dossier.status', 'Mutation.submitDossier'], citizens: [applicant] },
    ]);
  });

  it("records a payment's intent and outcome with the payer the payments subgraph reports", async () => {
    const submitted = await send(await officer(), SUBMIT, { id: applicant });
    const code = (submitted.body.data as { submitDossier: { code: string } }).submitDossier.code;
    const citizen = await graph.token({ role: 'citizen', subject: applicant, purpose: 'Nộp phí hồ sơ' });
    const { body, requestId } = await send(citizen, 'mutation Pay($code: ID!, $key: String!) { initiatePayment(dossierCode: $code, method: E_WALLET, idempotencyKey: $key) { amount status } }', { code, key: `pay-${code}` });
    expect(body).toEqual({ data: { initiatePayment: { amount: 200_000, status: 'PENDING' } } });
    const records = await recordsOf(requestId);
    expect(records.map(({ kind, outcome, fields, citizens }) => ({ kind, outcome, fields, citizens }))).toEqual([
      { kind: 'intent', outcome: null, fields: ['Mutation.initiatePayment'], citizens: [] },
      // payments' look-up of the dossier, through the gateway as the citizen
      expect.objectContaining({ kind: 'read', outcome: null }),
      { kind: 'outcome', outcome: 'SUCCEEDED', fields: ['Mutation.initiatePayment', 'Payment.amount', 'Payment.status'], citizens: [applicant] },
    ]);
  });

  it('records the outcome of a refused change with its error code', async () => {
    const token = await officer();
    const code = ((await send(token, SUBMIT, { id: applicant })).body.data as { submitDossier: { code: string } }).submitDossier.code;
    const { body, requestId } = await send(token, 'mutation Deliver($code: ID!) { transitionDossier(code: $code, action: RETURN_RESULT) { status } }', { code });
    expect(errorCodes(body)).toEqual(['INVALID_TRANSITION']);
    expect((await recordsOf(requestId)).map(({ kind, outcome, error_codes, fields }) => ({ kind, outcome, error_codes, fields }))).toEqual([
      { kind: 'intent', outcome: null, error_codes: [], fields: ['Mutation.transitionDossier'] },
      { kind: 'outcome', outcome: 'FAILED', error_codes: ['INVALID_TRANSITION'], fields: ['Dossier.status', 'Mutation.transitionDossier'] },
    ]);
  });

  it('is not made when its intent cannot be recorded: 503 AUDIT_UNAVAILABLE, no request to the subgraph, no row changed', async () => {
    const token = await officer();
    const citizen = await graph.token({ role: 'citizen', subject: applicant, purpose: 'Nộp phí hồ sơ' });
    await db('audit').query('ALTER FUNCTION audit_append RENAME TO audit_append_unavailable');
    try {
      const before = await rowCounts();
      const attempts = [
        ['public-services', () => send(token, SUBMIT, { id: applicant })],
        ['payments', () => send(citizen, 'mutation { initiatePayment(dossierCode: "46-DVC09-261101-000001", method: CARD, idempotencyKey: "k-audit-down") { id } }')],
      ] as const;
      for (const [subgraph, attempt] of attempts) {
        let response: Awaited<ReturnType<typeof send>> | undefined;
        expect(await requestsTo(subgraph, async () => (response = await attempt()))).toBe(0);
        expect({ status: response!.status, body: response!.body }).toEqual({
          status: 503,
          body: { data: null, errors: [{ message: 'The audit log could not record this change of personal data before it was made, so it was not made.', extensions: { code: 'AUDIT_UNAVAILABLE' } }] },
        });
      }
      expect(await rowCounts()).toEqual(before);
    } finally {
      await db('audit').query('ALTER FUNCTION audit_append_unavailable RENAME TO audit_append');
    }
  });

  it('keeps its result for the client when only its outcome cannot be recorded; the intent stays in the log', async () => {
    // The log refuses outcome records only, as a database failing between the two appends would.
    await db('audit').query(`
      CREATE FUNCTION refuse_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outcomes refused'; END $$;
      CREATE TRIGGER refuse_outcomes BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.kind = 'outcome') EXECUTE FUNCTION refuse_outcomes()`);
    try {
      const before = await count('public-services', 'dossiers');
      const { status, body, requestId } = await send(await officer(), SUBMIT, { id: applicant });
      expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
      expect((body.data as { submitDossier: { status: string } }).submitDossier.status).toBe('NEW');
      expect(await count('public-services', 'dossiers')).toBe(before + 1);
      expect((await recordsOf(requestId)).map((r) => r.kind)).toEqual(['intent', 'read']);
    } finally {
      await db('audit').query('DROP TRIGGER refuse_outcomes ON audit_log; DROP FUNCTION refuse_outcomes()');
    }
  });

  it('leaves a log that verifies: intents and outcomes are signed like reads', async () => {
    const verdict = await verifyAuditChain(graph.subgraphs.audit!.db as never, await graph.auditTrust());
    expect(verdict).toEqual(expect.objectContaining({ intact: true, unsigned: 0 }));
  });
});
