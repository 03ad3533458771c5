import { ROLES, type Caller } from '../../../lib/auth';
import { checkSubmission } from '../../../subgraphs/public-services/rules/submission-access';
import { errorCodeOf } from '../../support/error-code';

const CITIZEN = '046198000123';
const OTHER = '001198000001';

const caller = (changes: Partial<Caller>): Caller => ({
  subject: 'officer:province-officer:46',
  role: 'province-officer',
  scopes: ROLES['province-officer'].scopes,
  jurisdiction: { kind: 'province', provinceCode: '46' },
  purpose: 'test',
  ...changes,
});

const citizen = caller({ subject: CITIZEN, role: 'citizen', scopes: ROLES.citizen.scopes, jurisdiction: { kind: 'self', personalId: CITIZEN } });
const national = caller({ jurisdiction: { kind: 'national' } });

describe('Who may file a dossier', () => {
  test.each([
    ['a provincial officer, for anyone, in their province', 'accepted', caller({}), OTHER, '46'],
    ['a provincial officer, in another province', 'FORBIDDEN', caller({}), OTHER, '01'],
    ['a national officer, for anyone, anywhere', 'accepted', national, OTHER, '01'],
    ['a citizen, for themself, in any province', 'accepted', citizen, CITIZEN, '01'],
    ['a citizen, for someone else', 'FORBIDDEN', citizen, OTHER, '46'],
    ['a national caller who may submit but not write, for themself', 'accepted', caller({ subject: CITIZEN, scopes: ['dossiers:submit'], jurisdiction: { kind: 'national' } }), CITIZEN, '46'],
    ['a national caller who may submit but not write, for someone else', 'FORBIDDEN', caller({ subject: CITIZEN, scopes: ['dossiers:submit'], jurisdiction: { kind: 'national' } }), OTHER, '46'],
  ] as const)('%s: %s', (_who, outcome, who, applicantId, provinceCode) => {
    expect(errorCodeOf(() => checkSubmission(who, { applicantId, provinceCode }))).toBe(outcome);
  });

  test('says which province is out of reach, or that a citizen files only for themself', () => {
    expect(() => checkSubmission(caller({}), { applicantId: OTHER, provinceCode: '01' })).toThrow('Province 01 is outside your jurisdiction.');
    expect(() => checkSubmission(citizen, { applicantId: OTHER, provinceCode: '46' })).toThrow('You may file a dossier only for yourself: applicantId must be your own personal ID.');
  });
});
