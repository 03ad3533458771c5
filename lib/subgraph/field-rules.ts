import { defaultFieldResolver, getNamedType, isLeafType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { Caller } from '../auth/caller';
import { refusal, ruleOf, type FieldRule } from '../auth/field-rule';
import { DataSubjectFinder, type DataSubjects } from './data-subjects';

export type { DataSubjects };

export interface FieldRuleContext {
  caller: Caller | null;
  /** Personal IDs whose personal data this request read, for the audit log. */
  accessedCitizens: Set<string>;
}

const isEmpty = (value: unknown): boolean => value === null || value === undefined || (Array.isArray(value) && value.length === 0);

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';

function enforce(field: GraphQLField<unknown, FieldRuleContext>, typeName: string, rule: FieldRule, subjects: DataSubjectFinder): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  const coordinate = `${typeName}.${field.name}`;
  // A value, even null (no religion, not yet dead), is about the object it is read on; no objects are not.
  const answersNothing = isLeafType(getNamedType(field.type)) ? () => false : isEmpty;
  field.resolve = (parent, args, context, info) => {
    const denied = refusal(rule, context.caller, coordinate);
    if (denied) throw denied;
    if (!rule.personalData) return resolve(parent, args, context, info);
    const noteReturned = (value: unknown) => {
      // No object (null, an empty list) — no dossiers here, no e-dossier — tells nothing about the object asked on.
      if (!answersNothing(value)) subjects.noteParent(typeName, parent, context.accessedCitizens);
      subjects.noteReturned(value, field.type, context.accessedCitizens);
      return value;
    };
    const value = resolve(parent, args, context, info);
    return isPromise(value) ? value.then(noteReturned) : noteReturned(value);
  };
}

/**
 * Defence in depth: every subgraph re-checks, from the identity the gateway signed, the same
 * `@authenticated` / `@requiresScopes` / `@policy` rules the gateway enforces, and notes whose
 * personal data it served — the subject of the object a personal-data field is read on, and
 * everyone the field's answer carries (see DataSubjectFinder). Resolvers are wrapped in place,
 * so federation's entity resolution (which lives on the types) is untouched.
 */
export function enforceFieldRules(schema: GraphQLSchema, subjects: DataSubjects = {}): GraphQLSchema {
  const finder = new DataSubjectFinder(schema, subjects);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeDirectives = type.astNode?.directives ?? [];
    for (const field of Object.values(type.getFields())) {
      const rule = ruleOf([...typeDirectives, ...(field.astNode?.directives ?? [])]);
      if (rule) enforce(field as GraphQLField<unknown, FieldRuleContext>, type.name, rule, finder);
    }
  }
  return schema;
}
