import { visit, type DocumentNode } from 'graphql';
import { AppError } from '../../lib/errors';

const refusal = (where: string) =>
  new AppError('BAD_USER_INPUT', `${where} holds a NUL character (U+0000), which no text in the national databases may contain.`, { http: { status: 400 } });

/** Whether a JSON value holds a NUL character in any string, key or value, at any depth. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([key, item]) => key.includes('\0') || holdsNul(item));
  return false;
}

/**
 * Refuses NUL characters in variables: PostgreSQL cannot store them in text, and an operation
 * carrying one would otherwise fail deep inside a subgraph as an internal error.
 */
export function checkVariables(variables: Readonly<Record<string, unknown>> | undefined): void {
  if (variables && holdsNul(variables)) throw refusal('A variable');
}

/** The same for string literals written in the document (`"\u0000"`). */
export function checkLiterals(document: DocumentNode): void {
  visit(document, {
    StringValue: ({ value }) => {
      if (value.includes('\0')) throw refusal('A string in the document');
    },
  });
}
