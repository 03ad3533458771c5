import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { StartupError } from '../startup-error';

/** One trusted operation, in Apollo's persisted-query manifest format. */
export interface TrustedOperation {
  /** SHA-256 of `body`, in hexadecimal. */
  id: string;
  name: string | null;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

/** The file `npm run documents` writes: the format Apollo's tools and routers read. */
export interface Manifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: TrustedOperation[];
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The fragments an operation spreads, directly or through other fragments. */
function fragmentsOf(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread: ({ name }) => {
        const fragment = fragments.get(name.value);
        if (!fragment || used.has(name.value)) return;
        used.set(name.value, fragment);
        collect(fragment);
      },
    });
  collect(operation);
  return [...used.values()];
}

/**
 * One operation of a document with the fragments it uses, reduced to what it means: comments,
 * spacing, layout and the document's other operations gone, so copies of one example compare equal.
 */
export function operationBody(document: DocumentNode, operation: OperationDefinitionNode): string {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  return print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsOf(operation, fragments)] });
}

/**
 * The trusted operations a document's text defines: one entry per operation with the
 * fragments it uses, each in its normalized form (a README block may hold several operations).
 */
export function trustedOperations(text: string): TrustedOperation[] {
  const document = parse(text);
  return document.definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
    const body = operationBody(document, definition);
    return [{ id: sha256(body), name: definition.name?.value ?? null, type: definition.operation, body }];
  });
}

/** A manifest of operations, sorted and without repeats, so regenerating it changes nothing unless a document did. */
export function manifestOf(operations: readonly TrustedOperation[]): Manifest {
  const unique = new Map(operations.map((operation) => [operation.id, operation]));
  const sorted = [...unique.values()].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations: sorted };
}

export function readManifest(file: string): Manifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StartupError(`Cannot read the trusted-documents manifest ${file}: ${(error as Error).message} (run \`npm run documents\`, or set TRUSTED_DOCUMENTS_MANIFEST).`, { cause: error });
  }
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.format !== 'apollo-persisted-query-manifest' || !Array.isArray(manifest.operations)) {
    throw new StartupError(`${file} is not a persisted-query manifest (run \`npm run documents\`).`);
  }
  return manifest;
}
