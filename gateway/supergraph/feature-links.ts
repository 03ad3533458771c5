import { Kind, type DirectiveNode, type DocumentNode } from 'graphql';

/** The elements a supergraph's `@link`s bring in from the features a reader cares about, under the names the supergraph gives them. */
export interface FeatureNames<Feature extends string> {
  /** Local directive name → the feature and the directive's name in it (`@cost__listSize` or an imported `@listSize` → cost, listSize). */
  directives: ReadonlyMap<string, { feature: Feature; directive: string }>;
  /** Local names of the features' own types (`requiresScopes__Scope`, `policy__Policy`). */
  types: ReadonlySet<string>;
}

const stringArgument = (directive: DirectiveNode, name: string): string | undefined => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
};

/** `import:` entries are `"@name"` or `{ name: "@name", as: "@local" }`. */
function imports(link: DirectiveNode): { name: string; local: string }[] {
  const value = link.arguments?.find((a) => a.name.value === 'import')?.value;
  if (value?.kind !== Kind.LIST) return [];
  return value.values.flatMap((entry) => {
    if (entry.kind === Kind.STRING) return [{ name: entry.value, local: entry.value }];
    if (entry.kind !== Kind.OBJECT) return [];
    const field = (key: string) => entry.fields.find((f) => f.name.value === key)?.value;
    const name = field('name');
    const local = field('as');
    if (name?.kind !== Kind.STRING) return [];
    return [{ name: name.value, local: local?.kind === Kind.STRING ? local.value : name.value }];
  });
}

/**
 * Matches `@link(url:)` against `features` (a pattern whose first group is the feature's name,
 * e.g. `https://specs.apollo.dev/(cost)/v0.1`); the feature it links, if any.
 */
export const linkedFeature = <Feature extends string>(directive: DirectiveNode, features: RegExp): Feature | undefined =>
  directive.name.value === 'link' ? (features.exec(stringArgument(directive, 'url') ?? '')?.[1] as Feature | undefined) : undefined;

/**
 * Reads the supergraph's `@link`s to some features and the names they give their elements: by
 * the link spec, a feature's own directive is `@<as or feature>`, its other directives
 * `@<as or feature>__<name>` and its types `<as or feature>__<Name>`, and `import:` can bring any
 * of them in under another name.
 */
export function featureNames<Feature extends string>(document: DocumentNode, features: RegExp): FeatureNames<Feature> {
  const directives = new Map<string, { feature: Feature; directive: string }>();
  const types = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      const feature = linkedFeature<Feature>(link, features);
      if (!feature) continue;
      const prefix = stringArgument(link, 'as') ?? feature;
      directives.set(prefix, { feature, directive: feature });
      for (const { name, local } of imports(link)) {
        if (name.startsWith('@')) directives.set(local.slice(1), { feature, directive: name.slice(1) });
        else types.add(local);
      }
      for (const element of document.definitions) {
        if (!('name' in element) || !element.name?.value.startsWith(`${prefix}__`)) continue;
        if (element.kind === Kind.DIRECTIVE_DEFINITION) directives.set(element.name.value, { feature, directive: element.name.value.slice(prefix.length + 2) });
        else types.add(element.name.value);
      }
    }
  }
  return { directives, types };
}
