import { Kind, type ConstDirectiveNode } from 'graphql';
import { AppError } from '../errors';
import { satisfiesScopes, type Caller } from './caller';
import { PERSONAL_DATA_POLICY } from './directives';

/** The authorization a field needs, read from the federation directives on it and its type. */
export interface FieldRule {
  authenticated: boolean;
  /** `@requiresScopes` alternatives; several directives (field and type) must all hold. */
  scopeSets: string[][][];
  personalData: boolean;
}

const stringLists = (directive: ConstDirectiveNode, argument: string): string[][] => {
  const value = directive.arguments?.find((a) => a.name.value === argument)?.value;
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((inner) => (inner.kind === Kind.LIST ? inner.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : []));
};

/** Reads a field's rule from the directive nodes on it and its type (subgraph or supergraph SDL alike). */
export function ruleOf(directives: readonly ConstDirectiveNode[]): FieldRule | null {
  const rule: FieldRule = { authenticated: false, scopeSets: [], personalData: false };
  for (const directive of directives) {
    const name = directive.name.value;
    if (name === 'authenticated') rule.authenticated = true;
    if (name === 'requiresScopes') rule.scopeSets.push(stringLists(directive, 'scopes'));
    if (name === 'policy') rule.personalData ||= stringLists(directive, 'policies').some((all) => all.includes(PERSONAL_DATA_POLICY));
  }
  return rule.authenticated || rule.scopeSets.length > 0 || rule.personalData ? rule : null;
}

/** Why a caller may not read a field under a rule, or null when they may. */
export function refusal(rule: FieldRule, caller: Caller | null, coordinate: string): AppError | null {
  if (!caller) return new AppError('UNAUTHENTICATED', `Not authenticated: ${coordinate} needs a verified caller.`);
  if (!rule.scopeSets.every((alternatives) => satisfiesScopes(caller, alternatives))) {
    return new AppError('UNAUTHORIZED_FIELD_OR_TYPE', `Not allowed to read ${coordinate}: it needs scope ${rule.scopeSets.map((a) => a.map((all) => all.join(' + ')).join(' or ')).join(', and ')}.`);
  }
  if (rule.personalData && !caller.purpose) {
    return new AppError('PURPOSE_REQUIRED', `${coordinate} is personal data: state the purpose of access in the x-purpose header or the token's purpose claim.`);
  }
  return null;
}
