import { AppError } from '../errors';

/** Longest purpose of access accepted, in characters. */
const PURPOSE_MAX_LENGTH = 200;
const PURPOSE_MIN_LENGTH = 3;

/** Where a purpose was stated, for messages a developer can act on. */
export type PurposeSource = 'the x-purpose header' | 'the token\'s purpose claim';

/** A purpose of access that is malformed or blank: the client's mistake, HTTP 400, code INVALID_PURPOSE. */
export const invalidPurpose = (reason: string): AppError =>
  new AppError('INVALID_PURPOSE', `Invalid purpose of access: ${reason}.`, { http: { status: 400 } });

/** Characters that show nothing: white space, format characters (bidi marks, zero-width spaces, soft hyphen, BOM), fillers. */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\u2800]/gu;
const INVISIBLE_INSIDE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;
const CONTROL = /\p{Cc}/u;
const NOT_ALLOWED = /[^\p{L}\p{M}\p{N}\p{P}\p{Zs}]/u;
const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A stated purpose as it is recorded: NFC, so a purpose typed with decomposed accents (as some
 * keyboards send Vietnamese) reads and compares as the same text; white space at either end
 * trimmed. Refused with INVALID_PURPOSE when blank (nothing visible: only spaces, zero-width or
 * bidi characters, soft hyphens, BOMs…), when it holds a control or invisible character (which
 * would let a purpose read one way in the audit log and mean another), when it is shorter than 3
 * or longer than 200 characters, or holds anything but letters, digits, spaces and punctuation.
 */
export function checkPurpose(text: string, source: PurposeSource): string {
  const purpose = text.normalize('NFC').replace(EDGE_SPACE, '');
  if (purpose.replace(INVISIBLE, '') === '') throw invalidPurpose(`${source} is blank: it has no visible character`);
  const control = CONTROL.exec(purpose);
  if (control) throw invalidPurpose(`${source} contains a control character (${codePoint(control[0])})`);
  const invisible = INVISIBLE_INSIDE.exec(purpose);
  if (invisible) throw invalidPurpose(`${source} contains an invisible character (${codePoint(invisible[0])})`);
  const length = [...purpose].length;
  if (length > PURPOSE_MAX_LENGTH) throw invalidPurpose(`${source} is ${length} characters long, more than ${PURPOSE_MAX_LENGTH}`);
  if (length < PURPOSE_MIN_LENGTH) throw invalidPurpose(`${source} is shorter than ${PURPOSE_MIN_LENGTH} characters`);
  const other = NOT_ALLOWED.exec(purpose);
  if (other) throw invalidPurpose(`${source} may hold only letters, digits, spaces and punctuation, not ${JSON.stringify(other[0])} (${codePoint(other[0])})`);
  if (!/^[\p{L}\p{N}]/u.test(purpose)) throw invalidPurpose(`${source} must start with a letter or digit`);
  return purpose;
}

/**
 * The stated purpose of access: the x-purpose header (already decoded to text) when the request
 * has one, else the token's `purpose` claim; null when neither states one. Whichever is used must
 * be well formed: the identity provider signed the claim, but what it says is still the client's
 * to get right, so a malformed claim is INVALID_PURPOSE too, never UNAUTHENTICATED.
 */
export function purposeFrom(header: string | undefined, claim: unknown): string | null {
  if (header !== undefined) return checkPurpose(header, 'the x-purpose header');
  if (claim === undefined || claim === null) return null;
  if (typeof claim !== 'string') throw invalidPurpose('the token\'s purpose claim is not text');
  return checkPurpose(claim, 'the token\'s purpose claim');
}
