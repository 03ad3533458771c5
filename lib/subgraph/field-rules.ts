import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { Caller } from '../auth/caller';
import { refusal, ruleOf, type FieldRule } from '../auth/field-rule';

export interface FieldRuleContext {
  caller: Caller | null;
  /** Personal IDs whose personal data this request read, for the audit log. */
  accessedCitizens: Set<string>;
}

/** For each entity type, whose personal data a parent object of that type is. */
export type DataSubjects = Record<string, (parent: Record<string, unknown>) => string | null | undefined>;

function enforce(field: GraphQLField<unknown, FieldRuleContext>, typeName: string, rule: FieldRule, subjects: DataSubjects): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  const coordinate = `${typeName}.${field.name}`;
  const subjectOf = subjects[typeName];
  field.resolve = (parent, args, context, info) => {
    const denied = refusal(rule, context.caller, coordinate);
    if (denied) throw denied;
    if (rule.personalData && subjectOf) {
      const subject = subjectOf(parent as Record<string, unknown>);
      if (subject) context.accessedCitizens.add(subject);
    }
    return resolve(parent, args, context, info);
  };
}

/**
 * Defence in depth: every subgraph re-checks, from the identity the gateway signed, the same
 * `@authenticated` / `@requiresScopes` / `@policy` rules the gateway enforces, and notes whose
 * personal data it served. Resolvers are wrapped in place, so federation's entity resolution
 * (which lives on the types) is untouched.
 */
export function enforceFieldRules(schema: GraphQLSchema, subjects: DataSubjects = {}): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeDirectives = type.astNode?.directives ?? [];
    for (const field of Object.values(type.getFields())) {
      const rule = ruleOf([...typeDirectives, ...(field.astNode?.directives ?? [])]);
      if (rule) enforce(field as GraphQLField<unknown, FieldRuleContext>, type.name, rule, subjects);
    }
  }
  return schema;
}
