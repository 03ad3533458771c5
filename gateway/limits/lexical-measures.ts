import { Lexer, Source, TokenKind } from 'graphql';

/** What the lexer alone tells of a document, before anything parses it. */
export interface LexicalMeasures {
  /** Tokens, as graphql-js counts them for its own `maxTokens` (comments left out). */
  tokens: number;
  /** How deep `{`, `(` and `[` nest: the parser recurses once per level. */
  nesting: number;
}

const OPENING = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.PAREN_L, TokenKind.BRACKET_L]);
const CLOSING = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.PAREN_R, TokenKind.BRACKET_R]);

/**
 * Counts tokens and bracket nesting in one pass of graphql-js's own lexer, and stops as soon as
 * either passes its bound: refusing a document then costs work in proportion to the limit, not
 * to the document (an 800 KB document is read for its first few thousand tokens). Text the lexer
 * cannot read ends the count; the parser then reports the syntax error itself.
 */
export function lexicalMeasures(text: string, bounds: LexicalMeasures): LexicalMeasures {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let depth = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (OPENING.has(token.kind)) nesting = Math.max(nesting, (depth += 1));
      else if (CLOSING.has(token.kind)) depth -= 1;
      if (tokens > bounds.tokens || nesting > bounds.nesting) break;
    }
  } catch {
    // A syntax error: what was counted stands, and the parser explains the error.
  }
  return { tokens, nesting };
}
