import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** A chunked HTTP/1.1 body, joined. */
function unchunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = lineEnd < 0 ? 0 : parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** Status and JSON body of a whole HTTP/1.1 answer. */
function parseAnswer(answer: Buffer): RawAnswer {
  const split = answer.indexOf('\r\n\r\n');
  const head = answer.subarray(0, split).toString('latin1');
  const rest = answer.subarray(split + 4);
  const content = /^transfer-encoding:\s*chunked/im.test(head) ? unchunk(rest) : rest;
  return { status: Number(head.split(' ')[1]), json: JSON.parse(content.toString('utf8')) };
}

/**
 * POSTs over a plain socket with every header value written as its raw UTF-8 bytes, exactly as
 * curl sends what is typed in a terminal (`-H 'x-purpose: Giải quyết hồ sơ'`): `fetch` refuses
 * such values and Node's client re-encodes them. A Buffer value is written as those bytes, to send
 * bytes that are not UTF-8 at all. The content type is JSON unless a header says otherwise.
 */
export function postRawUtf8(url: string, headers: Record<string, string | Buffer>, body: string): Promise<RawAnswer> {
  const { hostname, port, pathname } = new URL(url);
  const payload = Buffer.from(body, 'utf8');
  const typed = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  const lines = [`POST ${pathname} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Connection: close', `Content-Length: ${payload.length}`, ...(typed ? [] : ['Content-Type: application/json'])];
  const head = Buffer.concat([
    Buffer.from(lines.map((line) => `${line}\r\n`).join(''), 'latin1'),
    ...Object.entries(headers).map(([name, value]) => Buffer.concat([Buffer.from(`${name}: `, 'latin1'), Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'), Buffer.from('\r\n')])),
    Buffer.from('\r\n'),
  ]);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(Buffer.concat([head, payload])));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
  });
}
