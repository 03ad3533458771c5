import type { Scope } from './scopes';

/**
 * The standard federation authorization directives, written once. Subgraph types put them on
 * fields with type-graphql's `@Directive(...)`; the supergraph carries them to the gateway.
 */
export const AUTHENTICATED = '@authenticated';

/** Alternatives of scope sets: `requiresScopes(['a'], ['b', 'c'])` = a, or both b and c. */
export const requiresScopes = (...alternatives: Scope[][]): string =>
  `@requiresScopes(scopes: [${alternatives.map((all) => `[${all.map((s) => JSON.stringify(s)).join(', ')}]`).join(', ')}])`;

/**
 * Personal data: reading it needs a stated purpose and is written to the audit log. On a mutation
 * field it marks a change of personal data: a purpose is needed too, and the gateway records the
 * change's intent before forwarding it and its outcome after.
 */
export const PERSONAL_DATA_POLICY = 'personal-data';
export const PERSONAL_DATA = `@policy(policies: [["${PERSONAL_DATA_POLICY}"]])`;

/** Data-quality figures of a province, and the references each database sends to be checked for them. */
export const DATA_HEALTH_AGGREGATE = requiresScopes(['data-health:aggregate']);
