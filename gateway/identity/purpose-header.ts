import type { IncomingMessage } from 'node:http';
import { invalidPurpose } from '../../lib/auth';

const PURPOSE_HEADER = 'x-purpose';

// A BOM is kept, to be refused like every invisible character, rather than silently dropped.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The x-purpose header's text, or undefined when the request has none. Two spellings are accepted:
 * - raw UTF-8, as `curl -H 'x-purpose: Giải quyết hồ sơ'` sends it. Node hands header bytes over one
 *   character per byte (latin1), so the bytes are recovered and read as UTF-8; a value with any
 *   non-ASCII byte is taken as written, `%` included.
 * - percent-encoded, as a browser must send it (`encodeURIComponent("Giải quyết hồ sơ")`): an
 *   all-ASCII value with a `%` is decoded, so a literal `%` is written `%25`.
 * Bytes that are not UTF-8, or a `%` that does not begin a valid escape, are INVALID_PURPOSE (400).
 */
export function purposeHeader(req: IncomingMessage): string | undefined {
  const value = req.headers[PURPOSE_HEADER];
  if (typeof value !== 'string') return undefined;
  const bytes = Buffer.from(value, 'latin1');
  if (bytes.some((byte) => byte >= 0x80)) {
    try {
      return utf8.decode(bytes);
    } catch {
      throw invalidPurpose('the x-purpose header is not UTF-8 text (send UTF-8, or percent-encode it)');
    }
  }
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    throw invalidPurpose('the x-purpose header is not valid percent-encoding (a literal % is written %25)');
  }
}
