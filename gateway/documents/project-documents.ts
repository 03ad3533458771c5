import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PLAYGROUND_EXAMPLES, SAMPLE_CITIZEN } from '../playground/examples';

/** A document LiênThông itself shows or sends, and where it stands. */
export interface ProjectDocument {
  source: string;
  text: string;
}

const GRAPHQL_BLOCK = /```graphql\n([\s\S]*?)```/g;

/** The README's ```graphql blocks: the examples a provincial developer copies first. */
export const readmeDocuments = (readme: string): ProjectDocument[] =>
  [...readme.matchAll(GRAPHQL_BLOCK)].map((match, index) => ({ source: `README.md, graphql block ${index + 1}`, text: match[1]! }));

/**
 * Every operation LiênThông's own pages and docs send: the playground's examples and the
 * look-up it makes at load, and the README's examples. These are trusted whatever else is.
 */
export function projectDocuments(root: string): ProjectDocument[] {
  return [
    ...PLAYGROUND_EXAMPLES.map((example, index) => ({ source: `playground example ${index + 1}`, text: example.query })),
    { source: 'playground sample-citizen look-up', text: SAMPLE_CITIZEN.query },
    ...readmeDocuments(readFileSync(path.join(root, 'README.md'), 'utf8')),
  ];
}
