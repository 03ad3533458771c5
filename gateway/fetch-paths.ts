import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export type ResponsePath = (string | number)[];

interface Representation {
  __typename?: unknown;
}

/** The response keys a selection set fills for an object of `typename` (its own fields and the fragments that apply). */
function responseKeys(selectionSet: SelectionSetNode, typename: string | undefined, fragments: Map<string, FragmentDefinitionNode>): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' ? [] : [selection.alias?.value ?? selection.name.value];
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
    if (!fragment) return [];
    const condition = fragment.typeCondition?.name.value;
    return condition === undefined || typename === undefined || condition === typename ? responseKeys(fragment.selectionSet, typename, fragments) : [];
  });
}

/**
 * Where the fields a subgraph fetch was to fill sit in the subgraph's response: `[field]` for a
 * root fetch, `['_entities', i, field]` for each representation of an entity fetch — the paths
 * @apollo/gateway rewrites to the client's operation (`['citizen', 'dossiers', 0, 'payments']`).
 */
export function fetchPaths(query: string | DocumentNode, variables: Record<string, unknown> | undefined): ResponsePath[] {
  const document = typeof query === 'string' ? parse(query) : query;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  return operation.selectionSet.selections.flatMap((selection): ResponsePath[] => {
    if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities' || !selection.selectionSet) {
      return responseKeys({ kind: Kind.SELECTION_SET, selections: [selection] }, undefined, fragments).map((key) => [key]);
    }
    const representations = Array.isArray(variables?.representations) ? (variables.representations as Representation[]) : [];
    const entities = selection.selectionSet;
    return representations.flatMap((representation, index) => {
      const typename = typeof representation?.__typename === 'string' ? representation.__typename : undefined;
      return responseKeys(entities, typename, fragments).map((key) => ['_entities', index, key]);
    });
  });
}
