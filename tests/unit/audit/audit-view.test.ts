import { ROLES, type Caller } from '../../../lib/auth';
import { requestContextFrom } from '../../../lib/subgraph';
import { auditViewOf, coversCitizen, noteSubjects, shownIn } from '../../../subgraphs/audit/rules/audit-view';
import type { AccessRecord } from '../../../subgraphs/audit/types/access-record.type';

const A = '001090000001';
const B = '079185000002';

const caller = (overrides: Partial<Caller>): Caller => ({
  subject: 'someone',
  role: 'auditor',
  scopes: [],
  jurisdiction: { kind: 'national' },
  purpose: 'Thanh tra',
  ...overrides,
});
const CITIZEN = caller({ subject: A, role: 'citizen', scopes: ROLES.citizen.scopes, jurisdiction: { kind: 'self', personalId: A } });

describe('Which audit records a caller may read', () => {
  it.each<[string, Caller | null, ReturnType<typeof auditViewOf>]>([
    ['a citizen: their own', CITIZEN, { kind: 'own', personalId: A }],
    ['a citizen without audit:self: none', { ...CITIZEN, scopes: ['residents:read'] }, { kind: 'none' }],
    ['a national inspector: all', caller({ scopes: ['audit:read'] }), { kind: 'all' }],
    ['a province-bound inspector: all, the log\'s province being the reader\'s', caller({ scopes: ['audit:read'], jurisdiction: { kind: 'province', provinceCode: '01' } }), { kind: 'all' }],
    ['an officer with audit:self only: none', caller({ scopes: ['audit:self'], jurisdiction: { kind: 'province', provinceCode: '01' } }), { kind: 'none' }],
    ['nobody: none', null, { kind: 'none' }],
  ])('%s', (_who, who, view) => {
    expect(auditViewOf(who)).toEqual(view);
  });

  it("covers a citizen's own log and every log for an inspector", () => {
    expect(coversCitizen({ kind: 'own', personalId: A }, A)).toBe(true);
    expect(coversCitizen({ kind: 'own', personalId: A }, B)).toBe(false);
    expect(coversCitizen({ kind: 'all' }, B)).toBe(true);
    expect(coversCitizen({ kind: 'none' }, A)).toBe(false);
  });
});

describe('Showing a record', () => {
  const record: AccessRecord = {
    seq: '7',
    at: new Date('2026-11-01T00:00:00Z'),
    requestId: 'req-7',
    kind: 'READ',
    outcome: null,
    errorCodes: [],
    subject: 'officer:1',
    role: 'province-officer',
    province: '01',
    purpose: 'Xử lý hồ sơ',
    operationName: null,
    fields: ['Citizen.fullName'],
    citizens: [B, A],
  };

  it('shows a citizen only their own personal ID among the citizens read', () => {
    expect(shownIn({ kind: 'own', personalId: A }, record)).toEqual({ ...record, citizens: [A] });
    expect(shownIn({ kind: 'all' }, record)).toBe(record);
  });

  it('notes the citizens of the shown records for the gateway\'s audit record', () => {
    const context = requestContextFrom({ headers: {} } as never, CITIZEN);
    noteSubjects(context, [record, { ...record, citizens: [A] }]);
    expect([...context.accessedCitizens].sort()).toEqual([A, B]);
  });
});
