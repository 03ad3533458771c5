import { parse, type DocumentNode } from 'graphql';
import { AppError } from '../../lib/errors';
import type { ErrorCode } from '../../lib/errors';
import { DocumentMeasures, type OperationMeasures } from './document-measures';
import { lexicalMeasures } from './lexical-measures';

/** The most any one operation may ask for; each is checked before the operation is validated, filtered or planned. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxTokens: number;
  maxDirectives: number;
  maxFragmentSpreads: number;
  maxFields: number;
}

/**
 * How much deeper than `maxDepth` brackets may nest (argument objects and lists nest too).
 * Deeper text is refused before parsing: graphql-js parses recursively and runs out of stack
 * near 4,000 levels.
 */
export const NESTING_ALLOWANCE = 20;

const STRUCTURAL: readonly { measure: keyof OperationMeasures; limit: keyof OperationLimits; code: ErrorCode; says: (n: number) => string }[] = [
  { measure: 'depth', limit: 'maxDepth', code: 'MAX_DEPTH_LIMIT', says: (n) => `nests fields ${n} deep` },
  { measure: 'aliases', limit: 'maxAliases', code: 'MAX_ALIASES_LIMIT', says: (n) => `has ${n} aliases` },
  { measure: 'rootFields', limit: 'maxRootFields', code: 'MAX_ROOT_FIELDS_LIMIT', says: (n) => `selects ${n} root fields` },
  { measure: 'directives', limit: 'maxDirectives', code: 'MAX_DIRECTIVES_LIMIT', says: (n) => `uses ${n} directives` },
  { measure: 'fragmentSpreads', limit: 'maxFragmentSpreads', code: 'MAX_FRAGMENT_SPREADS_LIMIT', says: (n) => `spreads fragments ${n} times once they are expanded` },
  { measure: 'fields', limit: 'maxFields', code: 'MAX_FIELDS_LIMIT', says: (n) => `selects ${n} fields once fragments are expanded` },
]

/** A count past what a double can hold exactly is still reported as a number. */
const shown = (value: number): number => Math.min(value, Number.MAX_SAFE_INTEGER);

const refusal = (code: ErrorCode, message: string, limit: number, measured: number): AppError =>
  new AppError(code, message, { limit, measured: shown(measured), http: { status: 400 } });

/** Refuses a document's text that is too long or nests too deep to parse safely, reading no further than it must. */
export function checkText(text: string, limits: OperationLimits): void {
  const maxNesting = limits.maxDepth + NESTING_ALLOWANCE;
  const { tokens, nesting } = lexicalMeasures(text, { tokens: limits.maxTokens, nesting: maxNesting });
  if (tokens > limits.maxTokens) {
    throw refusal('MAX_TOKENS_LIMIT', `The document has more than ${limits.maxTokens} tokens (the limit): it was not read further.`, limits.maxTokens, tokens);
  }
  if (nesting > maxNesting) {
    throw refusal('MAX_DEPTH_LIMIT', `The document nests brackets deeper than ${maxNesting} (the depth limit plus ${NESTING_ALLOWANCE} for argument values): it was not read further.`, maxNesting, nesting);
  }
}

/** Refuses a parsed document any of whose operations passes a structural limit. */
export function checkStructure(document: DocumentNode, limits: OperationLimits): void {
  for (const { operation, measures } of new DocumentMeasures(document).operations()) {
    const name = operation.name ? `Operation ${operation.name.value}` : 'The operation';
    for (const { measure, limit, code, says } of STRUCTURAL) {
      if (measures[measure] > limits[limit]) {
        throw refusal(code, `${name} ${says(shown(measures[measure]))}; the limit is ${limits[limit]}.`, limits[limit], measures[measure]);
      }
    }
  }
}

/**
 * Checks a document's text, then its structure, before Apollo Server parses and validates it:
 * the text on its tokens and nesting, so nothing too large or too deep is ever parsed; then the
 * parsed structure. A syntax error is left for Apollo Server to report in its own words.
 */
export function checkDocument(text: string, limits: OperationLimits): DocumentNode | null {
  checkText(text, limits);
  let document: DocumentNode;
  try {
    // Without locations the copy parsed here holds no tokens: it is measured and dropped.
    document = parse(text, { noLocation: true });
  } catch {
    return null;
  }
  checkStructure(document, limits);
  return document;
}
