import { ROLES, type Caller } from '../../../lib/auth';
import { auditSubgraph } from '../../../subgraphs/audit';
import { postAs } from '../../support/graphql-client';
import { errorCodes } from '../../support/response-checks';
import { useTestSubgraph } from '../../support/test-subgraph';
import { appendEach, auditRecord, CITIZEN_A, CITIZEN_B } from './audit-fixtures';

const subgraph = useTestSubgraph(auditSubgraph, null);

/** A read, then a change recorded twice — its intent before it ran and its outcome after — under one request id. */
const RECORDS = [
  auditRecord(1, { citizens: [CITIZEN_A] }),
  auditRecord(2, { requestId: 'req-change', kind: 'intent', operationName: 'Submit', citizens: [CITIZEN_A], fields: ['Mutation.submitDossier'] }),
  auditRecord(3, {
    requestId: 'req-change',
    kind: 'outcome',
    outcome: 'FAILED',
    errorCodes: ['FORBIDDEN'],
    operationName: 'Submit',
    citizens: [CITIZEN_A, CITIZEN_B],
    fields: ['Dossier.code', 'Mutation.submitDossier'],
  }),
];

beforeAll(() => appendEach(subgraph.db, RECORDS));

const AUDITOR: Caller = { subject: 'auditor:1', role: 'auditor', scopes: ['audit:read'], jurisdiction: { kind: 'national' }, purpose: 'Thanh tra định kỳ' };
const citizen = (personalId: string): Caller => ({ subject: personalId, role: 'citizen', scopes: ROLES.citizen.scopes, jurisdiction: { kind: 'self', personalId }, purpose: 'Xem ai đã đọc dữ liệu của tôi' });

const FIELDS = 'seq requestId kind outcome errorCodes fields citizens';
const AUDIT_LOG = `query ($filter: AuditLogFilter) { auditLog(filter: $filter) { edges { node { ${FIELDS} } } } }`;
type Page = { auditLog: { edges: { node: Record<string, unknown> }[] } };
const ACCESS_LOG = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { accessLog { ${FIELDS} } } } }`;

const INTENT = { seq: '2', requestId: 'req-change', kind: 'INTENT', outcome: null, errorCodes: [], fields: ['Mutation.submitDossier'], citizens: [CITIZEN_A] };
const OUTCOME = { seq: '3', requestId: 'req-change', kind: 'OUTCOME', outcome: 'FAILED', errorCodes: ['FORBIDDEN'], fields: ['Dossier.code', 'Mutation.submitDossier'], citizens: [CITIZEN_A, CITIZEN_B] };
const READ = { seq: '1', requestId: 'req-1', kind: 'READ', outcome: null, errorCodes: [], fields: ['Citizen.fullName', 'Citizen.personalId'], citizens: [CITIZEN_A] };

describe('Changes of personal data in the audit log', () => {
  it('shows an inspector each record\'s kind, request id, outcome and error codes', async () => {
    const { body } = await postAs<Page>(AUDITOR, subgraph.url, AUDIT_LOG, {});
    expect(body.errors).toBeUndefined();
    expect(body.data!.auditLog.edges.map((e) => e.node)).toEqual([OUTCOME, INTENT, READ]);
  });

  it.each([
    ['INTENT', [INTENT]],
    ['OUTCOME', [OUTCOME]],
    ['READ', [READ]],
  ])('filters by kind %s', async (kind, nodes) => {
    const { body } = await postAs<Page>(AUDITOR, subgraph.url, AUDIT_LOG, { filter: { kind } });
    expect(body.data!.auditLog.edges.map((e) => e.node)).toEqual(nodes);
  });

  it('refuses a kind that is not one', async () => {
    const { body } = await postAs<Page>(AUDITOR, subgraph.url, AUDIT_LOG, { filter: { kind: 'DELETE' } });
    expect(errorCodes(body)).toEqual(['BAD_USER_INPUT']);
  });

  it('shows a citizen the intent and outcome of a change that concerned them, naming nobody else', async () => {
    const { body } = await postAs<{ _entities: { accessLog: unknown[] }[] }>(citizen(CITIZEN_B), subgraph.url, ACCESS_LOG, { r: [{ __typename: 'Citizen', personalId: CITIZEN_B }] });
    expect(body.data!._entities).toEqual([{ accessLog: [{ ...OUTCOME, citizens: [CITIZEN_B] }] }]);
  });

  it('keeps the new fields to the same rule as the others: a caller without an audit scope gets none of them', async () => {
    const officer: Caller = { ...AUDITOR, role: 'province-officer', scopes: ROLES['province-officer'].scopes, jurisdiction: { kind: 'province', provinceCode: '01' } };
    const { body } = await postAs<Page>(officer, subgraph.url, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { accessLog { kind } } } }', {
      r: [{ __typename: 'Citizen', personalId: CITIZEN_A }],
    });
    expect(errorCodes(body)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });
});
