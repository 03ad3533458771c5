import pino, { type Logger } from 'pino';

export type { Logger };

/** One JSON logger per process, named after it; level from LOG_LEVEL (default info, silent in tests). */
export function createLogger(name: string): Logger {
  const level = process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info');
  return pino({ name, level });
}
