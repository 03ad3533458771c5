/**
 * The operations LiênThông's own pages send (the dashboard, the citizen's /me page) and the
 * data-health checker, written once: the pages embed them, `npm run data-health` sends the same
 * data-health query, and the trusted-documents manifest lists them all (a citizen's app may run
 * only those in enforce mode).
 */

/**
 * One indicator of the dashboard, for every province (national callers) or the caller's own
 * province: its series over the period, which also gives the table's figures (the last point's
 * level, the points' sums). One operation per indicator, so the page asks only for those the
 * caller's scopes allow, and a database that fails blanks only its own panel.
 */
export interface IndicatorOperations {
  /** The scope the indicator needs. */
  scope: string;
  /** A document with two operations: `all` over `provinces`, `one` over `province(code:)`. */
  document: string;
  all: string;
  one: string;
}

const indicator = (scope: string, name: string, fields: string): IndicatorOperations => ({
  scope,
  all: `Dashboard${name}`,
  one: `Province${name}`,
  document: `query Dashboard${name}($from: Date!, $to: Date!, $granularity: SeriesGranularity!) {
  provinces { code name ...${name}Figures }
}

query Province${name}($code: ProvinceCode!, $from: Date!, $to: Date!, $granularity: SeriesGranularity!) {
  province(code: $code) { code name ...${name}Figures }
}

fragment ${name}Figures on Province {
  ${fields}
}`,
});

export const DASHBOARD_INDICATORS = {
  population: indicator('population:aggregate', 'Population', 'populationSeries(from: $from, to: $to, granularity: $granularity) { from to total male female }'),
  staffing: indicator(
    'staffing:aggregate',
    'Staffing',
    'staffing { agencies }\n  staffingSeries(from: $from, to: $to, granularity: $granularity) { from to civilServants joined }',
  ),
  dossiers: indicator(
    'dossiers:aggregate',
    'Dossiers',
    'dossierSeries(from: $from, to: $to, granularity: $granularity) { from to received online completed completedOnTime overdue }',
  ),
  payments: indicator(
    'payments:aggregate',
    'Payments',
    'paymentSeries(from: $from, to: $to, granularity: $granularity) { from to transactions amountPaid byMethod { method transactions amountPaid } }',
  ),
} as const;

/** One province's data health across the four databases: the dashboard's panel and `npm run data-health`. */
export const PROVINCE_DATA_HEALTH = `query ProvinceDataHealth($code: ProvinceCode!) {
  province(code: $code) {
    code name
    dataHealth {
      residents { ...DatabaseHealthFigures }
      civilServants { ...DatabaseHealthFigures }
      publicServices { ...DatabaseHealthFigures }
      payments { ...DatabaseHealthFigures }
    }
  }
}

fragment DatabaseHealthFigures on DatabaseHealth {
  database records invalidIds
  fields { field filled empty }
  lastUpdatedAt staleRecords staleAfterDays staleRule
  references { reference holder target held malformed dangling }
}`;

/** A citizen's own record, grouped on the page by the database each part comes from. */
export const MY_RECORD = `query MyRecord($personalId: PersonalId!) {
  citizen(personalId: $personalId) {
    personalId fullName sex birthDate ethnicity religion maritalStatus nationality phone email address
    province { name }
    household { id address members { fullName relationshipToHead } }
    civilServant { position agency { name } rank { name } startDate }
    dossiers(first: 20) { code status submittedAt completedAt procedure { name } }
    payments(first: 20) { amount method status paidAt dossier { code } }
  }
}`;

/** Who read the citizen's data, when, in what role and province, and why; over a period. */
export const MY_ACCESS_LOG = `query MyAccessLog($personalId: PersonalId!, $from: Date, $to: Date) {
  citizen(personalId: $personalId) {
    accessLog(first: 100, from: $from, to: $to) { at subject role province purpose operationName fields }
  }
}`;

export const PAGE_OPERATIONS: readonly { source: string; text: string }[] = [
  ...Object.entries(DASHBOARD_INDICATORS).map(([name, { document }]) => ({ source: `dashboard: ${name}`, text: document })),
  { source: 'dashboard and npm run data-health: data health', text: PROVINCE_DATA_HEALTH },
  { source: '/me: record', text: MY_RECORD },
  { source: '/me: access log', text: MY_ACCESS_LOG },
];
