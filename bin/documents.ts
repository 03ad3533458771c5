import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { manifestOf, readManifest, trustedOperations, type TrustedOperation } from '../gateway/documents/manifest';
import { projectDocuments, type ProjectDocument } from '../gateway/documents/project-documents';
import { loadConfig, settings } from '../lib/config';

/**
 * `npm run documents [-- --from <folder> ...] [--check]`: writes the trusted-documents manifest
 * (TRUSTED_DOCUMENTS_MANIFEST) from LiênThông's own operations (playground, README) and every
 * `.graphql` / `.gql` file under each `--from` folder (a client's operations): name every
 * client's folder each time, the manifest is made anew. `--check` writes nothing and fails
 * when one of LiênThông's own operations is missing from the manifest.
 */
const ROOT = path.resolve(__dirname, '..', '..');

function graphqlFiles(folder: string): ProjectDocument[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(graphql|gql)$/.test(entry.name))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { source: path.relative(process.cwd(), file), text: readFileSync(file, 'utf8') };
    });
}

function operationsOf(documents: readonly ProjectDocument[]): TrustedOperation[] {
  return documents.flatMap(({ source, text }) => {
    try {
      return trustedOperations(text);
    } catch (error) {
      throw new Error(`${source} is not a GraphQL document: ${(error as Error).message}`, { cause: error });
    }
  });
}

function main(): void {
  const { values } = parseArgs({ options: { from: { type: 'string', multiple: true, default: [] }, check: { type: 'boolean', default: false } } });
  const file = path.resolve(ROOT, loadConfig({ manifest: settings.trustedDocumentsManifest }).manifest);
  const own = operationsOf(projectDocuments(ROOT));
  if (values.check) {
    const listed = new Set(readManifest(file).operations.map((operation) => operation.id));
    const missing = own.filter((operation) => !listed.has(operation.id));
    if (missing.length === 0) return console.log(`The trusted-documents manifest holds all ${own.length} of LiênThông's own operations.`);
    console.error(`${path.relative(ROOT, file)} lacks ${missing.length} of LiênThông's own operations (${missing.map((o) => o.name ?? 'anonymous').join(', ')}): run \`npm run documents\`.`);
    process.exitCode = 1;
    return;
  }
  const manifest = manifestOf([...own, ...operationsOf(values.from.flatMap(graphqlFiles))]);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`Wrote ${manifest.operations.length} trusted operations to ${path.relative(process.cwd(), file)}.`);
}

main();
