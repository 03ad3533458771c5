/**
 * Every scope a token can carry (OAuth 2 style, space-separated in the `scope` claim). The
 * subgraph schemas name these in `@requiresScopes`; the README's access table is this list.
 */
export const SCOPES = {
  'residents:read': 'Basic personal data of residents: names, birth, sex, addresses, household and family links (Decree 13 "basic").',
  'residents:contact': 'Residents\' phone numbers and e-mail addresses.',
  'residents:sensitive': 'Residents\' ethnicity and religion (sensitive personal data).',
  'population:aggregate': 'Population figures of provinces, no individual.',
  'civil-servants:read': 'E-dossiers of public servants: post, agency, rank, salary, service.',
  'civil-servants:sensitive': 'Party membership, declared income and health of public servants (sensitive).',
  'staffing:aggregate': 'Staffing figures of provinces and agencies, no individual.',
  'dossiers:read': 'Dossiers with their applicants, handlers and histories.',
  'dossiers:submit': 'Submit a dossier (a citizen for themself).',
  'dossiers:write': 'Submit dossiers and move them through their lifecycle.',
  'dossiers:aggregate': 'Dossier indicators of provinces, no individual.',
  'payments:read': 'Payments with their payers.',
  'payments:initiate': 'Start paying a dossier\'s fee (a citizen for themself).',
  'payments:write': 'Start, settle and refund payments.',
  'payments:aggregate': 'Fee indicators of provinces, no individual.',
  'data-health:aggregate': 'Data-quality figures of provinces: references that point at nothing, invalid IDs, empty fields, freshness; no individual.',
  'audit:self': 'A citizen\'s own access log: who read their data, when and why.',
  'audit:read': 'Search the whole audit log.',
} as const;

export type Scope = keyof typeof SCOPES;

export const isScope = (value: string): value is Scope => value in SCOPES;
