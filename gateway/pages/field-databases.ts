import { Supergraph } from '@apollo/federation-internals';

/**
 * Which database (subgraph) answers each field of the graph, by coordinate (`Citizen.phone` →
 * `residents`), read from the supergraph: the /me page groups a citizen's record, and the fields
 * their access log names, by the national database they come from. A field several subgraphs can
 * answer (a key) belongs to the one that answers most of its type: the type's owner.
 */
export function fieldDatabases(supergraphSdl: string): Record<string, string> {
  const subgraphs = Supergraph.build(supergraphSdl, { supportedFeatures: null, validateSupergraph: false }).subgraphs().values();
  const resolvers = new Map<string, string[]>();
  const fieldsByType = new Map<string, Map<string, number>>();
  for (const subgraph of subgraphs) {
    for (const type of subgraph.schema.objectTypes()) {
      for (const field of type.fields()) {
        if (field.hasAppliedDirective('external') || field.name.startsWith('_')) continue;
        const coordinate = `${type.name}.${field.name}`;
        resolvers.set(coordinate, [...(resolvers.get(coordinate) ?? []), subgraph.name]);
        const counts = fieldsByType.get(type.name) ?? new Map<string, number>();
        counts.set(subgraph.name, (counts.get(subgraph.name) ?? 0) + 1);
        fieldsByType.set(type.name, counts);
      }
    }
  }
  const ownerOf = (type: string) => [...fieldsByType.get(type)!.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return Object.fromEntries(
    [...resolvers.entries()].sort().map(([coordinate, names]) => {
      const owner = ownerOf(coordinate.split('.')[0]!);
      return [coordinate, names.length === 1 || !names.includes(owner) ? names[0]! : owner];
    }),
  );
}
