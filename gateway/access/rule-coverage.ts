import { Supergraph } from '@apollo/federation-internals';
import { isObjectType, Kind, parse, type DirectiveNode } from 'graphql';
import type { FieldRules } from './supergraph-security';

/** How many uncovered fields a refusal names; the rest are counted. */
const NAMED = 20;

/** The supergraph leaves fields a client can reach without any access rule: the gateway will not serve it. */
export class UncoveredFieldsError extends Error {
  override readonly name = 'UncoveredFieldsError';
  constructor(readonly fields: readonly string[]) {
    const named = fields.slice(0, NAMED).join(', ');
    const more = fields.length > NAMED ? ` and ${fields.length - NAMED} more` : '';
    super(
      `The supergraph leaves ${fields.length} field${fields.length === 1 ? '' : 's'} without an access rule, which any valid token could read: ${named}${more}. ` +
        'Declare @authenticated, @requiresScopes or @policy on each in the subgraph that resolves it (README: Adding a database).',
    );
  }
}

const hasKey = (directives: readonly DirectiveNode[] = []): boolean =>
  directives.some((directive) => directive.name.value === 'join__type' && directive.arguments?.some((argument) => argument.name.value === 'key'));

/**
 * The fields clients can reach that carry no access rule: every root field (Query, Mutation),
 * and every field of an entity type (one with a `@key` in some subgraph), since an entity is
 * reached from many places and each of its fields must say who reads it. Other object types are
 * values reached only through a field that carries a rule (a page's edges, an indicator's
 * parts). Fields the API schema hides (`@inaccessible`) are not reachable and not counted.
 */
export function uncoveredFields(executableSdl: string, rules: FieldRules): string[] {
  const entities = new Set(
    parse(executableSdl).definitions.flatMap((definition) =>
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && hasKey(definition.directives) ? [definition.name.value] : [],
    ),
  );
  const api = Supergraph.build(executableSdl, { supportedFeatures: null, validateSupergraph: false }).apiSchema().toGraphQLJSSchema();
  const roots = new Set([api.getQueryType(), api.getMutationType(), api.getSubscriptionType()].flatMap((type) => (type ? [type.name] : [])));
  return [...roots, ...entities]
    .flatMap((typeName) => {
      const type = api.getType(typeName);
      return isObjectType(type) ? Object.keys(type.getFields()).map((field) => `${typeName}.${field}`) : [];
    })
    .filter((coordinate) => !rules.has(coordinate))
    .sort();
}

/** Refuses a supergraph with uncovered fields (start-up and reloads alike). */
export function checkRuleCoverage(executableSdl: string, rules: FieldRules): void {
  const fields = uncoveredFields(executableSdl, rules);
  if (fields.length > 0) throw new UncoveredFieldsError(fields);
}
