import type { Role } from './roles';
import type { Scope } from './scopes';

/** Whose rows a caller may read. */
export type Jurisdiction = { kind: 'national' } | { kind: 'province'; provinceCode: string } | { kind: 'self'; personalId: string };

/** A verified identity: what the gateway derives from a token and forwards, signed, to subgraphs. */
export interface Caller {
  /** `sub` claim: a personal ID for citizens, an officer's account otherwise. */
  readonly subject: string;
  readonly role: Role;
  readonly scopes: readonly Scope[];
  readonly jurisdiction: Jurisdiction;
  /** Stated purpose of access (token claim or `x-purpose` header); required for personal data. */
  readonly purpose: string | null;
}

export const hasScope = (caller: Caller | null, scope: Scope): boolean => caller?.scopes.includes(scope) ?? false;

/** Whether the caller holds every scope of at least one of the alternatives (`@requiresScopes` semantics). */
export const satisfiesScopes = (caller: Caller | null, alternatives: readonly (readonly string[])[]): boolean =>
  caller !== null && alternatives.some((all) => all.every((scope) => (caller.scopes as readonly string[]).includes(scope)));

/** Province code a caller is bound to, or null for national and self jurisdictions. */
export const provinceOf = (caller: Caller): string | null => (caller.jurisdiction.kind === 'province' ? caller.jurisdiction.provinceCode : null);
