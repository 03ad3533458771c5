import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../../lib/logging';

export interface CapturedLog {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
}

/** A real pino logger whose lines are kept for the test to read. */
export function captureLog(name: string): CapturedLog {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ name, level: 'info' }, sink), lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
