import path from 'node:path';
import { UncoveredFieldsError, checkRuleCoverage } from '../gateway/access/rule-coverage';
import { secureSupergraph, UnsupportedSecurityError } from '../gateway/access/supergraph-security';
import { CompositionError, composeSupergraph, type ComposableSubgraph } from './compose-supergraph';
import { driftedSchemaFiles, schemaFiles, writeSchemaFiles } from './schema-files';

export interface ComposeRun {
  definitions: readonly ComposableSubgraph[];
  /** Folder the generated files live in (the repository's schema/). */
  schemaDir: string;
  /** Check only: write nothing, fail when a file differs from what the code produces. */
  check: boolean;
  /** Gives the routing URL of each subgraph (default: its configuration default). */
  urlOf?: (name: string) => string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const shown = (file: string): string => path.relative(process.cwd(), file) || file;

/** One run of the composer; returns the process exit code (0 done or in sync, 1 otherwise). */
export async function runCompose({ definitions, schemaDir, check, urlOf, out = console.log, err = console.error }: ComposeRun): Promise<number> {
  let graph;
  try {
    graph = await composeSupergraph(definitions, urlOf);
    // What the gateway would refuse to serve is refused here already, before anything is written.
    const { rules, executableSdl } = secureSupergraph(graph.supergraphSdl);
    checkRuleCoverage(executableSdl, rules);
  } catch (error) {
    if (!(error instanceof CompositionError || error instanceof UncoveredFieldsError || error instanceof UnsupportedSecurityError)) throw error;
    err(error.message);
    return 1;
  }
  const files = schemaFiles(graph);
  if (check) {
    const drifted = driftedSchemaFiles(schemaDir, files);
    for (const file of drifted) err(`${shown(file)} differs from what the code produces: run npm run compose`);
    if (drifted.length === 0) out(`Schema files are in sync with the code (${files.size} files).`);
    return drifted.length === 0 ? 0 : 1;
  }
  // Hints (e.g. descriptions that differ between subgraphs) are for whoever changes the schema, not for every check.
  for (const hint of graph.hints) out(`hint: ${hint}`);
  writeSchemaFiles(schemaDir, files);
  out(`Wrote ${[...files.keys()].map((name) => shown(path.join(schemaDir, name))).join(', ')}.`);
  return 0;
}
