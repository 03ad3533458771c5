import { ROLES, type Caller } from '../../../lib/auth';
import { auditSubgraph } from '../../../subgraphs/audit';
import { postAs } from '../../support/graphql-client';
import { errorCodes, leaksInternals } from '../../support/response-checks';
import { useTestSubgraph } from '../../support/test-subgraph';
import { appendEach, auditRecord, CITIZEN_A, CITIZEN_B, CITIZEN_C } from './audit-fixtures';

const subgraph = useTestSubgraph(auditSubgraph, null);

const vietnam = (local: string) => new Date(`${local}+07:00`);

/** Five reads over four days, appended as the gateway appends them. */
const RECORDS = [
  auditRecord(1, { at: vietnam('2026-10-30T10:00:00.000'), citizens: [CITIZEN_A, CITIZEN_B], operationName: 'Household' }),
  auditRecord(2, {
    at: vietnam('2026-10-31T09:15:00.000'),
    subject: 'officer:civil-service-manager',
    role: 'civil-service-manager',
    province: null,
    purpose: 'Rà soát hồ sơ cán bộ',
    citizens: [CITIZEN_C],
    fields: ['CivilServant.partyMember'],
  }),
  auditRecord(3, { at: vietnam('2026-11-01T08:00:00.000'), subject: CITIZEN_A, role: 'citizen', province: null, purpose: 'Xem thông tin của tôi', operationName: null }),
  auditRecord(4, { at: vietnam('2026-11-01T23:59:59.999'), subject: 'officer:province-officer:79', province: '79', citizens: [CITIZEN_B, CITIZEN_C] }),
  auditRecord(5, { at: vietnam('2026-11-02T00:00:00.000'), subject: 'auditor:1', role: 'auditor', province: null, purpose: 'Thanh tra', citizens: [CITIZEN_A] }),
];

beforeAll(() => appendEach(subgraph.db, RECORDS));

const citizen = (personalId: string): Caller => ({
  subject: personalId,
  role: 'citizen',
  scopes: ROLES.citizen.scopes,
  jurisdiction: { kind: 'self', personalId },
  purpose: 'Xem ai đã đọc dữ liệu của tôi',
});
const AUDITOR: Caller = { subject: 'auditor:1', role: 'auditor', scopes: ['audit:read'], jurisdiction: { kind: 'national' }, purpose: 'Thanh tra định kỳ' };
const OFFICER: Caller = {
  subject: 'officer:province-officer:01',
  role: 'province-officer',
  scopes: ROLES['province-officer'].scopes,
  jurisdiction: { kind: 'province', provinceCode: '01' },
  purpose: 'Xử lý hồ sơ',
};

const RECORD_FIELDS = 'seq at subject role province purpose operationName fields citizens';

/** A record as the graph shows it (times in Vietnam time, to the second). */
const shown = (seq: number, citizens?: string[]) => {
  const r = RECORDS[seq - 1]!;
  const local = new Date(r.at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
  return {
    seq: String(seq),
    at: `${local}+07:00`,
    subject: r.subject,
    role: r.role,
    province: r.province,
    purpose: r.purpose,
    operationName: r.operationName,
    fields: r.fields,
    citizens: citizens ?? r.citizens,
  };
};

const AUDIT_LOG = `query ($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) { edges { node { ${RECORD_FIELDS} } } pageInfo { hasNextPage endCursor } }
}`;

type Page = { auditLog: { edges: { node: { seq: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

const auditLog = (caller: Caller | null, variables: Record<string, unknown>) => postAs<Page>(caller, subgraph.url, AUDIT_LOG, variables);
const seqsOf = (page: Page | null | undefined) => page?.auditLog.edges.map((e) => Number(e.node.seq));

const ACCESS_LOGS = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Citizen { personalId accessLog { ${RECORD_FIELDS} } } } }`;
const accessLogs = (caller: Caller, personalIds: string[]) =>
  postAs<{ _entities: unknown[] }>(caller, subgraph.url, ACCESS_LOGS, { representations: personalIds.map((personalId) => ({ __typename: 'Citizen', personalId })) });

describe('Query.auditLog for an inspector', () => {
  it('lists every record newest first, with whose data was read', async () => {
    const { status, body } = await auditLog(AUDITOR, {});
    expect(status).toBe(200);
    expect(body.data!.auditLog.edges.map((e) => e.node)).toEqual([5, 4, 3, 2, 1].map((seq) => shown(seq)));
    expect(body.data!.auditLog.pageInfo.hasNextPage).toBe(false);
    expect(body.extensions).toEqual({ lienthong: { accessedCitizens: [CITIZEN_A, CITIZEN_C, CITIZEN_B].sort() } });
  });

  it.each([
    [{ citizen: CITIZEN_A }, [5, 3, 1]],
    [{ citizen: CITIZEN_C }, [4, 2]],
    [{ subject: CITIZEN_A }, [3]],
    [{ role: 'province-officer' }, [4, 1]],
    [{ from: '2026-11-01' }, [5, 4, 3]],
    [{ to: '2026-10-31' }, [2, 1]],
    [{ from: '2026-11-01', to: '2026-11-01' }, [4, 3]],
    [{ citizen: CITIZEN_B, role: 'province-officer', from: '2026-10-31' }, [4]],
    [{ subject: 'nobody' }, []],
  ])('filters by %j', async (filter, seqs) => {
    const { body } = await auditLog(AUDITOR, { filter });
    expect(body.errors).toBeUndefined();
    expect(seqsOf(body.data)).toEqual(seqs);
  });

  it('pages newest first and continues after a cursor to the oldest record', async () => {
    const pages: number[][] = [];
    let after: string | null = null;
    for (let more = true; more; ) {
      const { body }: { body: { data?: Page | null } } = await auditLog(AUDITOR, { first: 2, after });
      pages.push(seqsOf(body.data)!);
      ({ hasNextPage: more, endCursor: after } = body.data!.auditLog.pageInfo);
    }
    expect(pages).toEqual([[5, 4], [3, 2], [1]]);
  });

  it.each([
    ['a cursor of another field', { after: Buffer.from(JSON.stringify(['payments', '3'])).toString('base64url') }, 'INVALID_CURSOR'],
    ['a cursor whose seq is not a number', { after: Buffer.from(JSON.stringify(['auditLog', '3; DROP TABLE audit_log'])).toString('base64url') }, 'INVALID_CURSOR'],
    ['from after to', { filter: { from: '2026-11-02', to: '2026-11-01' } }, 'BAD_USER_INPUT'],
    ['a page of 101', { first: 101 }, 'BAD_USER_INPUT'],
    ['a malformed personal ID', { filter: { citizen: '12345' } }, 'INVALID_PERSONAL_ID'],
  ])('refuses %s', async (_what, variables, code) => {
    const { body } = await auditLog(AUDITOR, variables);
    expect(errorCodes(body)).toEqual([code]);
    expect(leaksInternals(body)).toBe(false);
  });
});

describe('Query.auditLog for anyone else', () => {
  it.each([
    ['a citizen', citizen(CITIZEN_A)],
    ['a province officer', OFFICER],
  ])('is refused to %s, who has no audit:read', async (_who, caller) => {
    const { body } = await auditLog(caller, {});
    expect(body.data).toEqual({ auditLog: null });
    expect(errorCodes(body)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });

  it('shows nothing to a citizen even with audit:read: their log is Citizen.accessLog', async () => {
    const { body } = await auditLog({ ...citizen(CITIZEN_A), scopes: [...ROLES.citizen.scopes, 'audit:read'] }, {});
    expect(body).toEqual({ data: { auditLog: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
  });

  it('needs a stated purpose to show records, which are personal data', async () => {
    const { body } = await auditLog({ ...AUDITOR, purpose: null }, { first: 1 });
    expect(errorCodes(body)).toContain('PURPOSE_REQUIRED');
  });
});

describe('Citizen.accessLog', () => {
  it("shows a citizen who read their data, newest first, naming no other citizen read in the same request", async () => {
    const { body } = await accessLogs(citizen(CITIZEN_A), [CITIZEN_A]);
    expect(body).toEqual({
      data: { _entities: [{ personalId: CITIZEN_A, accessLog: [shown(5), shown(3), shown(1, [CITIZEN_A])] }] },
      extensions: { lienthong: { accessedCitizens: [CITIZEN_A] } },
    });
  });

  it("is empty for another citizen's log", async () => {
    const { body } = await accessLogs(citizen(CITIZEN_A), [CITIZEN_B]);
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([{ personalId: CITIZEN_B, accessLog: [] }]);
  });

  it('gives an inspector the logs of several citizens in full, in one statement', async () => {
    const before = subgraph.db.statements.count;
    const { body } = await accessLogs(AUDITOR, [CITIZEN_A, CITIZEN_B, CITIZEN_C, '001090999999']);
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([
      { personalId: CITIZEN_A, accessLog: [shown(5), shown(3), shown(1)] },
      { personalId: CITIZEN_B, accessLog: [shown(4), shown(1)] },
      { personalId: CITIZEN_C, accessLog: [shown(4), shown(2)] },
      { personalId: '001090999999', accessLog: [] },
    ]);
    expect(subgraph.db.statements.count - before).toBe(1);
  });

  it('keeps to a period of Vietnam days, both included, for the days the reads happened there', async () => {
    const { body } = await postAs<{ _entities: { day: { seq: string }[]; from: { seq: string }[]; to: { seq: string }[] }[] }>(
      citizen(CITIZEN_A),
      subgraph.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen {
        day: accessLog(from: "2026-11-01", to: "2026-11-01") { seq }
        from: accessLog(from: "2026-11-02") { seq }
        to: accessLog(to: "2026-10-31") { seq }
      } } }`,
      { r: [{ __typename: 'Citizen', personalId: CITIZEN_A }] },
    );
    expect(body.data!._entities).toEqual([{ day: [{ seq: '3' }], from: [{ seq: '5' }], to: [{ seq: '1' }] }]);
  });

  it('refuses a period that ends before it starts, as BAD_USER_INPUT', async () => {
    const { body } = await postAs(citizen(CITIZEN_A), subgraph.url, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { accessLog(from: "2026-11-02", to: "2026-11-01") { seq } } } }', {
      r: [{ __typename: 'Citizen', personalId: CITIZEN_A }],
    });
    expect(errorCodes(body)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps to `first` records', async () => {
    const { body } = await postAs<{ _entities: { accessLog: { seq: string }[] }[] }>(
      AUDITOR,
      subgraph.url,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { a: accessLog(first: 1) { seq } b: accessLog(first: 2) { seq } } } }',
      { r: [{ __typename: 'Citizen', personalId: CITIZEN_A }] },
    );
    expect(body.data!._entities).toEqual([{ a: [{ seq: '5' }], b: [{ seq: '5' }, { seq: '3' }] }]);
  });

  it('is refused to an officer without an audit scope', async () => {
    const { body } = await accessLogs(OFFICER, [CITIZEN_A]);
    expect(errorCodes(body)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });

  it('is empty for an officer given audit:self, which only a citizen can use', async () => {
    const { body } = await accessLogs({ ...OFFICER, scopes: [...OFFICER.scopes, 'audit:self'] }, [CITIZEN_A]);
    expect(body.data!._entities).toEqual([{ personalId: CITIZEN_A, accessLog: [] }]);
  });

  it('resolves a reference whose key cannot be a personal ID to null', async () => {
    const { body } = await accessLogs(AUDITOR, ['12345']);
    expect(body.data!._entities).toEqual([null]);
  });
});

describe('The audit subgraph over HTTP', () => {
  it('answers no unsigned request', async () => {
    const { status, body } = await auditLog(null, {});
    expect(status).toBe(401);
    expect(errorCodes(body)).toEqual(['UNAUTHENTICATED']);
  });
});
