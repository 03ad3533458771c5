import { Kind, type DirectiveNode, type DocumentNode } from 'graphql';

/** The federation authorization features, by the name `ruleOf` knows their directive under. */
export type SecurityFeature = 'authenticated' | 'requiresScopes' | 'policy';

const FEATURE_URL = /^https:\/\/specs\.apollo\.dev\/(authenticated|requiresScopes|policy)\/v\d+\.\d+$/;

/** What the supergraph calls the authorization features' elements, which may be renamed (`as:`, `import:`). */
export interface SecurityNames {
  /** Local directive name → the feature it is. */
  directives: ReadonlyMap<string, SecurityFeature>;
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

/** The feature an `@link` on the schema brings in, if it is an authorization feature. */
export const securityFeatureOf = (directive: DirectiveNode): SecurityFeature | undefined =>
  directive.name.value === 'link' ? (FEATURE_URL.exec(stringArgument(directive, 'url') ?? '')?.[1] as SecurityFeature | undefined) : undefined;

/**
 * Reads the supergraph's `@link`s to the authorization features and the names they give their
 * elements: by the link spec, a feature's directive is `@<as or feature>`, its other elements
 * `<as or feature>__<Name>`, and `import:` can bring either in under another name.
 */
export function securityNames(document: DocumentNode): SecurityNames {
  const directives = new Map<string, SecurityFeature>();
  const types = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      const feature = securityFeatureOf(link);
      if (!feature) continue;
      const prefix = stringArgument(link, 'as') ?? feature;
      directives.set(prefix, feature);
      for (const { name, local } of imports(link)) {
        if (name === `@${feature}`) directives.set(local.slice(1), feature);
        else if (!name.startsWith('@')) types.add(local);
      }
      for (const type of document.definitions) {
        if ('name' in type && type.name && type.kind !== Kind.DIRECTIVE_DEFINITION && type.name.value.startsWith(`${prefix}__`)) types.add(type.name.value);
      }
    }
  }
  return { directives, types };
}
