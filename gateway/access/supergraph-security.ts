import { Kind, parse, print, visit, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { ruleOf, type FieldRule } from '../../lib/auth';
import { featureNames, linkedFeature, type FeatureNames } from '../supergraph/feature-links';

/** The federation authorization features, by the name `ruleOf` knows their directive under. */
type SecurityFeature = 'authenticated' | 'requiresScopes' | 'policy';
type SecurityNames = FeatureNames<SecurityFeature>;

const SECURITY_FEATURES = /^https:\/\/specs\.apollo\.dev\/(authenticated|requiresScopes|policy)\/v\d+\.\d+$/;

/** Field rules by coordinate (`Citizen.religion`): what the gateway enforces. */
export type FieldRules = ReadonlyMap<string, FieldRule>;

export interface SecuredSupergraph {
  rules: FieldRules;
  /** The supergraph without the authorization features, which @apollo/gateway refuses to load. */
  executableSdl: string;
}

/** The graph uses the authorization directives on an interface: the gateway would not enforce them, so it will not start. */
export class UnsupportedSecurityError extends Error {
  override readonly name = 'UnsupportedSecurityError';
}

/** A directive under the name `ruleOf` reads, or nothing when it is not an authorization directive. */
function canonical(directive: ConstDirectiveNode, names: SecurityNames): ConstDirectiveNode[] {
  const feature = names.directives.get(directive.name.value)?.feature;
  return feature ? [{ ...directive, name: { ...directive.name, value: feature } }] : [];
}

function readRules(document: DocumentNode, names: SecurityNames): FieldRules {
  const rules = new Map<string, FieldRule>();
  for (const type of document.definitions) {
    if (type.kind === Kind.INTERFACE_TYPE_DEFINITION && [type, ...(type.fields ?? [])].some((node) => node.directives?.some((d) => names.directives.has(d.name.value)))) {
      // A field selected on an interface would be checked against the interface alone, never its implementations.
      throw new UnsupportedSecurityError(`The interface ${type.name.value} carries authorization directives; the gateway enforces them on object types only.`);
    }
    if (type.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    // Type-level directives hold for every field of the type.
    const typeDirectives = (type.directives ?? []).flatMap((d) => canonical(d, names));
    for (const field of type.fields ?? []) {
      const rule = ruleOf([...typeDirectives, ...(field.directives ?? []).flatMap((d) => canonical(d, names))]);
      if (rule) rules.set(`${type.name.value}.${field.name.value}`, rule);
    }
  }
  return rules;
}

/** The same supergraph with the authorization `@link`s, their definitions and every use removed. */
function withoutSecurity(document: DocumentNode, names: SecurityNames): DocumentNode {
  const dropNamed = (node: { name: { value: string } }) => (names.types.has(node.name.value) ? null : undefined);
  return visit(document, {
    Directive: (node) => (linkedFeature(node, SECURITY_FEATURES) || names.directives.has(node.name.value) ? null : undefined),
    DirectiveDefinition: (node) => (names.directives.has(node.name.value) ? null : undefined),
    ScalarTypeDefinition: dropNamed,
    EnumTypeDefinition: dropNamed,
    InputObjectTypeDefinition: dropNamed,
  });
}

/**
 * Splits a composed supergraph into what the gateway enforces (rules per field coordinate, read
 * with lib's `ruleOf`) and what @apollo/gateway executes (the SDL without the `for: SECURITY`
 * features it refuses). The supergraph file itself keeps the standard directives, so it would
 * run unchanged under any federation router.
 */
export function secureSupergraph(supergraphSdl: string): SecuredSupergraph {
  const document = parse(supergraphSdl);
  const names = featureNames<SecurityFeature>(document, SECURITY_FEATURES);
  return { rules: readRules(document, names), executableSdl: print(withoutSecurity(document, names)) };
}
