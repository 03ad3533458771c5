import type { Scope } from './scopes';

/**
 * Where a caller's rows come from: one province, the whole country, or their own record.
 * A province-bound role needs a `province` claim; a national one must not have one.
 */
export type JurisdictionKind = 'province' | 'national' | 'self' | 'province-or-national';

export interface RoleSpec {
  readonly description: string;
  readonly scopes: readonly Scope[];
  readonly jurisdiction: JurisdictionKind;
}

const AGGREGATES: Scope[] = ['population:aggregate', 'staffing:aggregate', 'dossiers:aggregate', 'payments:aggregate'];

/** Roles are bundles of scopes, in one place; the development issuer mints tokens from them. */
export const ROLES = {
  citizen: {
    description: 'A resident signed in with VNeID: their own record, dossiers, payments and access log only (subject = personal ID).',
    scopes: ['residents:read', 'residents:contact', 'residents:sensitive', 'civil-servants:read', 'dossiers:read', 'dossiers:submit', 'payments:read', 'payments:initiate', 'audit:self'],
    jurisdiction: 'self',
  },
  'province-officer': {
    description: 'A one-stop-shop officer: basic resident data, dossiers and payments of their province, and its indicators.',
    scopes: ['residents:read', 'civil-servants:read', 'dossiers:read', 'dossiers:write', 'payments:read', ...AGGREGATES],
    jurisdiction: 'province',
  },
  'province-analyst': {
    description: 'A provincial dashboard builder: the province\'s aggregate indicators, no individual.',
    scopes: AGGREGATES,
    jurisdiction: 'province',
  },
  'ministry-analyst': {
    description: 'A ministry analyst: aggregate indicators of every province, no individual.',
    scopes: AGGREGATES,
    jurisdiction: 'national',
  },
  'civil-service-manager': {
    description: 'A home-affairs officer: public servants\' e-dossiers including sensitive groups, and staffing figures.',
    scopes: ['civil-servants:read', 'civil-servants:sensitive', 'staffing:aggregate'],
    jurisdiction: 'province-or-national',
  },
  'payments-officer': {
    description: 'A payment-platform officer: payments of their province, settlement and refunds, and fee indicators.',
    scopes: ['payments:read', 'payments:write', 'payments:aggregate', 'dossiers:read'],
    jurisdiction: 'province',
  },
  auditor: {
    description: 'An inspector: searches the audit log of every read of personal data.',
    scopes: ['audit:read'],
    jurisdiction: 'national',
  },
} as const satisfies Record<string, RoleSpec>;

export type Role = keyof typeof ROLES;

export const isRole = (value: string): value is Role => value in ROLES;
