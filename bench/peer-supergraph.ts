import { Kind, parse, print, visit } from 'graphql';

/** The types of `Province.dataHealth` alone, which no benchmark operation reads. */
const DATA_HEALTH_TYPES = new Set(['ProvinceDataHealth', 'DatabaseHealth', 'FieldCompleteness', 'ReferenceHealth']);

/**
 * The supergraph the peers serve: LiênThông's without its authorization features (which
 * @apollo/gateway refuses) and without `Province.dataHealth`. Hive Gateway 2.x cannot load a
 * supergraph whose shareable value type (`DatabaseHealth`) is returned by `@requires` fields of
 * several subgraphs ("Multiple canonical definitions for DatabaseHealth"); the benchmark's
 * operations never ask for data health, so every target answers them from the same graph.
 */
export function peerSupergraph(executableSdl: string): string {
  return print(
    visit(parse(executableSdl), {
      ObjectTypeDefinition: (node) => (DATA_HEALTH_TYPES.has(node.name.value) ? null : undefined),
      FieldDefinition: (node) => (DATA_HEALTH_TYPES.has(namedTypeOf(node.type)) ? null : undefined),
    }),
  );
}

function namedTypeOf(type: { kind: string; type?: unknown; name?: { value: string } }): string {
  return type.kind === Kind.NAMED_TYPE ? type.name!.value : namedTypeOf(type.type as typeof type);
}
