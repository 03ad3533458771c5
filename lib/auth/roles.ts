import type { Scope } from './scopes';

/**
 * Where a caller's rows come from: one province, the whole country, or their own record.
 * A province-bound role needs a `province` claim; a national one must not have one.
 */
export type JurisdictionKind = 'province' | 'national' | 'self' | 'province-or-national';

/** What may be spent in one budget window (`BUDGET_WINDOW_SECONDS`, a minute by default). */
export interface Allowance {
  readonly requests: number;
  /** Points of estimated operation cost (see the README's "Limits and budgets"). */
  readonly cost: number;
}

export interface RoleBudget {
  /** Each caller (token subject) of the role. */
  readonly caller: Allowance;
  /** All callers of the role in one province together; none for national and self jurisdictions. */
  readonly province?: Allowance;
}

export interface RoleSpec {
  readonly description: string;
  readonly scopes: readonly Scope[];
  readonly jurisdiction: JurisdictionKind;
  readonly budget: RoleBudget;
  /** With TRUSTED_DOCUMENTS=enforce, callers of the role may run only documents in the trusted-documents manifest. */
  readonly trustedDocumentsOnly: boolean;
}

const AGGREGATES: Scope[] = ['population:aggregate', 'staffing:aggregate', 'dossiers:aggregate', 'payments:aggregate'];

/** An officer's working pace, and a province's offices together. */
const OFFICE: RoleBudget = { caller: { requests: 600, cost: 30_000 }, province: { requests: 6_000, cost: 300_000 } };
/** Dashboards ask for aggregates over whole provinces: fewer requests, each costlier. */
const DASHBOARD: Allowance = { requests: 600, cost: 100_000 };

/** Roles are bundles of scopes, in one place; the development issuer mints tokens from them. */
export const ROLES = {
  citizen: {
    description: 'A resident signed in with VNeID: their own record, dossiers, payments and access log only (subject = personal ID).',
    scopes: ['residents:read', 'residents:contact', 'residents:sensitive', 'civil-servants:read', 'dossiers:read', 'dossiers:submit', 'payments:read', 'payments:initiate', 'audit:self'],
    jurisdiction: 'self',
    budget: { caller: { requests: 120, cost: 3_000 } },
    trustedDocumentsOnly: true,
  },
  'province-officer': {
    description: 'A one-stop-shop officer: basic resident data, dossiers and payments of their province, and its indicators.',
    scopes: ['residents:read', 'civil-servants:read', 'dossiers:read', 'dossiers:write', 'payments:read', ...AGGREGATES],
    jurisdiction: 'province',
    budget: OFFICE,
    trustedDocumentsOnly: false,
  },
  'province-analyst': {
    description: 'A provincial dashboard builder: the province\'s aggregate indicators, no individual.',
    scopes: AGGREGATES,
    jurisdiction: 'province',
    budget: { caller: DASHBOARD, province: { requests: 3_000, cost: 500_000 } },
    trustedDocumentsOnly: false,
  },
  'ministry-analyst': {
    description: 'A ministry analyst: aggregate indicators of every province, no individual.',
    scopes: AGGREGATES,
    jurisdiction: 'national',
    budget: { caller: DASHBOARD },
    trustedDocumentsOnly: false,
  },
  'civil-service-manager': {
    description: 'A home-affairs officer: public servants\' e-dossiers including sensitive groups, and staffing figures.',
    scopes: ['civil-servants:read', 'civil-servants:sensitive', 'staffing:aggregate'],
    jurisdiction: 'province-or-national',
    budget: OFFICE,
    trustedDocumentsOnly: false,
  },
  'payments-officer': {
    description: 'A payment-platform officer: payments of their province, settlement and refunds, and fee indicators.',
    scopes: ['payments:read', 'payments:write', 'payments:aggregate', 'dossiers:read'],
    jurisdiction: 'province',
    budget: OFFICE,
    trustedDocumentsOnly: false,
  },
  auditor: {
    description: 'An inspector: searches the audit log of every read of personal data.',
    scopes: ['audit:read'],
    jurisdiction: 'national',
    budget: { caller: { requests: 600, cost: 30_000 } },
    trustedDocumentsOnly: false,
  },
} as const satisfies Record<string, RoleSpec>;

export type Role = keyof typeof ROLES;

export const isRole = (value: string): value is Role => value in ROLES;
