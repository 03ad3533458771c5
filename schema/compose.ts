import 'reflect-metadata';
import path from 'node:path';
import { SUBGRAPHS } from '../subgraphs';
import { findRepoRoot } from './repo-root';
import { runCompose } from './run-compose';

/**
 * `npm run compose` writes schema/<subgraph>.graphql and schema/supergraph.graphql from the code;
 * `--check` writes nothing and fails when those committed files have drifted from it.
 */
runCompose({
  definitions: SUBGRAPHS,
  schemaDir: path.join(findRepoRoot(__dirname), 'schema'),
  check: process.argv.includes('--check'),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Not a composition error but a bug in a subgraph's schema code: the stack helps its author.
    console.error(error);
    process.exitCode = 1;
  },
);
