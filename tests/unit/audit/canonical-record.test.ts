import { createHash } from 'node:crypto';
import { canonicalText, chainHash, GENESIS_HASH, type ChainedRecord } from '../../../subgraphs/audit/data/canonical-record';

const RECORD: ChainedRecord = {
  seq: 42,
  at: new Date('2026-11-01T02:03:04.005Z'),
  requestId: 'req-1',
  subject: 'officer:province-officer:01',
  role: 'province-officer',
  province: '01',
  purpose: 'Xử lý hồ sơ',
  operationName: 'CitizenProfile',
  citizens: ['001090000001', '079185000002'],
  fields: ['Citizen.fullName', 'Citizen.religion'],
  kind: 'read',
  outcome: null,
  errorCodes: [],
  signer: null,
  batch: null,
  signature: null,
};

/** The same record appended after migration 005: in a signed batch. */
const SIGNED: ChainedRecord = { ...RECORD, signer: 'k3Jd9', batch: 7, signature: 'c2ln' };

describe('The canonical text of an audit record', () => {
  it('lists every column in order, the time as UTC ISO-8601 with milliseconds and arrays with their length', () => {
    expect(canonicalText(RECORD)).toBe(
      '42|2026-11-01T02:03:04.005Z|req-1|officer:province-officer:01|province-officer|01|Xử lý hồ sơ|CitizenProfile|2:001090000001,079185000002|2:Citizen.fullName,Citizen.religion',
    );
  });

  it('adds the kind, outcome, error codes and the signed batch after them, once any holds more than its default', () => {
    expect(canonicalText(SIGNED)).toBe(`${canonicalText(RECORD)}|read|\\N|0:|k3Jd9|7|c2ln`);
    expect(canonicalText({ ...RECORD, kind: 'outcome', outcome: 'FAILED', errorCodes: ['NOT_FOUND', 'A,B'] })).toBe(`${canonicalText(RECORD)}|outcome|FAILED|2:NOT_FOUND,A\\,B|\\N|\\N|\\N`);
  });

  it('writes null as \\N and escapes backslash, bar and comma inside values', () => {
    expect(canonicalText({ ...RECORD, province: null, operationName: null, purpose: 'a|b,c\\d\\N', fields: ['x,y'] })).toBe(
      '42|2026-11-01T02:03:04.005Z|req-1|officer:province-officer:01|province-officer|\\N|a\\|b\\,c\\\\d\\\\N|\\N|2:001090000001,079185000002|1:x\\,y',
    );
  });

  it.each<[string, Partial<ChainedRecord>, Partial<ChainedRecord>]>([
    ['a bar moved from one field to the next', { purpose: 'a|b', operationName: 'c' }, { purpose: 'a', operationName: 'b|c' }],
    ['a comma moved between array elements', { fields: ['a,b'] }, { fields: ['a', 'b'] }],
    ['an empty array and an array of one empty string', { citizens: [] }, { citizens: [''] }],
    ['null and the text \\N', { purpose: null }, { purpose: '\\N' }],
    ['null and the empty text', { purpose: null }, { purpose: '' }],
    ['a record before signing and the text of a later one', { purpose: 'p|read|\\N|0:|s|1|x' }, { purpose: 'p', kind: 'read', signer: 's', batch: 1, signature: 'x' }],
    ['a bar moved from the signer to the signature', { ...SIGNED, signer: 'a|b' }, { ...SIGNED, signer: 'a', signature: 'b|c2ln' }],
    ['an intent and a read', { kind: 'intent' }, { kind: 'read' }],
  ])('tells apart records that differ by %s', (_what, one, other) => {
    expect(canonicalText({ ...RECORD, ...one })).not.toBe(canonicalText({ ...RECORD, ...other }));
  });

  it('hashes the previous hash, a bar and the text with SHA-256 in hex', () => {
    const expected = createHash('sha256').update(`${GENESIS_HASH}|${canonicalText(RECORD)}`).digest('hex');
    expect(chainHash(GENESIS_HASH, RECORD)).toBe(expected);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});
