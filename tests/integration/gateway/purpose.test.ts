import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useFixtureGraph } from './fixtures/fixture-graph';
import { postRawUtf8, type RawAnswer } from '../../support/raw-utf8-post';

const graph = useFixtureGraph();

const README = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
/** The purpose the README's curl example sends, as written there. */
const README_PURPOSE = /-H 'x-purpose: ([^']*)'/.exec(README)?.[1];

/** Personal data: read only with a purpose, and audited with it. */
const PROFILE = JSON.stringify({ query: '{ citizen(personalId: "001090000001") { fullName } }' });
const AN = { data: { citizen: { fullName: 'Nguyễn Văn An' } } };

/** Sends the profile with this x-purpose header (raw bytes as curl sends them) and a token, maybe with its own purpose claim. */
async function ask(purpose: string | Buffer | undefined, claim?: unknown): Promise<RawAnswer & { recorded: (string | null)[]; subgraphCalls: number }> {
  const before = { records: graph().audit.records.length, calls: graph().people.received.length };
  // An identity provider may put any JSON in the claim; the development issuer writes what it is given.
  const withToken = await graph().headers({ scopes: ['residents:read'], purpose: claim as string | undefined });
  const answer = await postRawUtf8(graph().gateway.url, { ...withToken, ...(purpose === undefined ? {} : { 'x-purpose': purpose }) }, PROFILE);
  return {
    ...answer,
    recorded: graph().audit.records.slice(before.records).map((record) => record.purpose),
    subgraphCalls: graph().people.received.length - before.calls,
  };
}

const refused = (reason: string) => ({ status: 400, json: { errors: [{ message: `Invalid purpose of access: ${reason}.`, extensions: { code: 'INVALID_PURPOSE' } }] } });

/** The whole 400 answer, and nothing asked of any subgraph or recorded. */
async function expectRefused(purpose: string | Buffer | undefined, reason: string, claim?: unknown): Promise<void> {
  const { status, json, recorded, subgraphCalls } = await ask(purpose, claim);
  expect({ status, json }).toEqual(refused(reason));
  expect({ recorded, subgraphCalls }).toEqual({ recorded: [], subgraphCalls: 0 });
}

async function expectAccepted(purpose: string | Buffer | undefined, recordedAs: string, claim?: unknown): Promise<void> {
  const { status, json, recorded } = await ask(purpose, claim);
  expect({ status, json, recorded }).toEqual({ status: 200, json: AN, recorded: [recordedAs] });
}

describe('Purpose of access: accepted spellings', () => {
  test('the README\'s curl example sends "Giải quyết hồ sơ" in raw UTF-8, and that is the purpose recorded', async () => {
    expect(README_PURPOSE).toBe('Giải quyết hồ sơ');
    await expectAccepted(README_PURPOSE!, 'Giải quyết hồ sơ');
  });

  test('percent-encoded UTF-8 (what a browser must send) reads the same', async () => {
    await expectAccepted(encodeURIComponent('Giải quyết hồ sơ'), 'Giải quyết hồ sơ');
  });

  test('plain ASCII is taken as written', async () => {
    await expectAccepted('Verifying dossier 46-DVC02', 'Verifying dossier 46-DVC02');
  });

  test('decomposed accents (as some keyboards type Vietnamese) are recorded composed (NFC)', async () => {
    await expectAccepted('Giải quyết hồ sơ'.normalize('NFD'), 'Giải quyết hồ sơ');
  });

  test('raw UTF-8 keeps a literal % as written; percent-encoded, it is %25', async () => {
    await expectAccepted('Kiểm tra 100% hồ sơ', 'Kiểm tra 100% hồ sơ');
    await expectAccepted(encodeURIComponent('Kiểm tra 100% hồ sơ'), 'Kiểm tra 100% hồ sơ');
  });

  test('the token\'s purpose claim, when no header states one', async () => {
    await expectAccepted(undefined, 'Xác minh hồ sơ', 'Xác minh hồ sơ');
  });

  test('the header wins over the claim, even a malformed claim', async () => {
    await expectAccepted('Giải quyết hồ sơ', 'Giải quyết hồ sơ', '\u200b');
  });
});

describe('Purpose of access: refused with HTTP 400 INVALID_PURPOSE', () => {
  const BAD_PERCENT = 'the x-purpose header is not valid percent-encoding (a literal % is written %25)';
  const NOT_UTF8 = 'the x-purpose header is not UTF-8 text (send UTF-8, or percent-encode it)';
  const BLANK = 'the x-purpose header is blank: it has no visible character';

  test.each([
    ['a % not followed by two hex digits', '100% checked'],
    ['an escape with no hex digits', 'Gi%zzi'],
    ['escapes that cut a UTF-8 sequence short', 'Gi%E1%BA'],
    ['escapes of bytes that are not UTF-8', 'Caf%E9'],
  ])('bad percent-encoding: %s', async (_case, purpose) => {
    await expectRefused(purpose, BAD_PERCENT);
  });

  test.each([
    ['ISO-8859-1 "Café"', Buffer.from('Caf\xe9 checks', 'latin1')],
    ['a UTF-8 lead byte without its continuation', Buffer.from([0x4b, 0x69, 0xc3, 0x28, 0x6d])],
    ['an overlong encoding of "/"', Buffer.from([0x61, 0x62, 0xc0, 0xaf, 0x63])],
  ])('raw bytes that are not UTF-8: %s', async (_case, purpose) => {
    await expectRefused(purpose, NOT_UTF8);
  });

  test.each([
    ['an empty header (or one of spaces, which HTTP trims to empty)', ''],
    ['percent-encoded spaces', '%20%20%20'],
    ['no-break and ideographic spaces', '\u00a0\u3000\u00a0'],
    ['zero-width spaces and joiners', '\u200b\u200c\u200d\u2060'],
    ['a percent-encoded zero-width space', '%E2%80%8B'],
    ['soft hyphens', '\u00ad\u00ad\u00ad'],
    ['byte-order marks', '\ufeff\ufeff'],
    ['bidi marks and overrides', '\u200e\u200f\u202e\u2066'],
    ['Hangul fillers and a braille blank', '\u3164\u115f\u2800'],
    ['a mixture of them all', ' \u200b\u00ad\ufeff\u200e\u3000 '],
  ])('blank: %s', async (_case, purpose) => {
    await expectRefused(purpose, BLANK);
  });

  test.each([
    ['a tab', 'Kiểm\ttra hồ sơ', 'U+0009'],
    ['a percent-encoded line feed', encodeURIComponent('Kiểm tra\nhồ sơ'), 'U+000A'],
    ['a percent-encoded NUL', 'abc%00def', 'U+0000'],
    ['a C1 control in raw UTF-8', 'Kiểm\u0085tra', 'U+0085'],
    ['DEL, percent-encoded', 'abc%7Fdef', 'U+007F'],
  ])('a control character: %s', async (_case, purpose, codePoint) => {
    await expectRefused(purpose, `the x-purpose header contains a control character (${codePoint})`);
  });

  test.each([
    ['a zero-width space between words', 'Giải quyết\u200bhồ sơ', 'U+200B'],
    ['a right-to-left override', 'Giải quyết \u202eơs ồh', 'U+202E'],
    ['a soft hyphen', 'Giải quy\u00adết hồ sơ', 'U+00AD'],
    ['a byte-order mark in front', '\ufeffGiải quyết hồ sơ', 'U+FEFF'],
  ])('an invisible character among visible ones: %s', async (_case, purpose, codePoint) => {
    await expectRefused(purpose, `the x-purpose header contains an invisible character (${codePoint})`);
  });

  test('longer than 200 characters (counted as letters, not bytes)', async () => {
    await expectAccepted('ồ'.repeat(200), 'ồ'.repeat(200));
    await expectRefused('ồ'.repeat(201), 'the x-purpose header is 201 characters long, more than 200');
  });

  test('shorter than 3 characters', async () => {
    await expectRefused('ab', 'the x-purpose header is shorter than 3 characters');
  });

  test.each([
    ['markup', 'Kiểm tra <b>hồ sơ</b>', '"<" (U+003C)'],
    ['an emoji', 'Kiểm tra hồ sơ 👍', '"👍" (U+1F44D)'],
  ])('anything but letters, digits, spaces and punctuation: %s', async (_case, purpose, found) => {
    await expectRefused(purpose, `the x-purpose header may hold only letters, digits, spaces and punctuation, not ${found}`);
  });

  test('not starting with a letter or digit', async () => {
    await expectRefused('- kiểm tra', 'the x-purpose header must start with a letter or digit');
  });

  test.each([
    ['blank', '\u200b\u00a0', 'the token\'s purpose claim is blank: it has no visible character'],
    ['holding a line feed', 'Kiểm tra\nhồ sơ', 'the token\'s purpose claim contains a control character (U+000A)'],
    ['not text', 42, 'the token\'s purpose claim is not text'],
  ])('a token whose purpose claim is %s, with no header', async (_case, claim, reason) => {
    await expectRefused(undefined, reason, claim);
  });

  test('a request without a valid token is refused 401 UNAUTHENTICATED first, whatever its purpose', async () => {
    const answer = await postRawUtf8(graph().gateway.url, { 'x-purpose': '\u200b' }, PROFILE);
    expect(answer.status).toBe(401);
    expect(answer.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
