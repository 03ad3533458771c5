/**
 * The operations LiênThông's own pages send (the dashboard, the citizen's /me page) and the
 * data-health checker, written once: the pages embed them, `npm run data-health` sends the same
 * data-health query, and the trusted-documents manifest lists them all (a citizen's app may run
 * only those in enforce mode).
 */

/** Every province's indicators over a period, side by side: the dashboard's overview table. */
export const DASHBOARD_PROVINCES = `query DashboardProvinces($from: Date!, $to: Date!) {
  provinces {
    code name
    population { total male female }
    staffing { civilServants agencies }
    dossierStatistics(from: $from, to: $to) { received online onlineShare completed completedOnTime onTimeRate overdue }
    paymentStatistics(from: $from, to: $to) { transactions amountPaid byMethod { method transactions amountPaid } }
  }
}`;

/** Every province's indicators point by point: the dashboard's charts. */
export const DASHBOARD_SERIES = `query DashboardSeries($from: Date!, $to: Date!, $granularity: SeriesGranularity!) {
  provinces {
    code
    populationSeries(from: $from, to: $to, granularity: $granularity) { from to total }
    staffingSeries(from: $from, to: $to, granularity: $granularity) { from to civilServants }
    dossierSeries(from: $from, to: $to, granularity: $granularity) { from to received online completed completedOnTime overdue }
    paymentSeries(from: $from, to: $to, granularity: $granularity) { from to transactions amountPaid byMethod { method amountPaid } }
  }
}`;

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
  { source: 'dashboard: provinces', text: DASHBOARD_PROVINCES },
  { source: 'dashboard: series', text: DASHBOARD_SERIES },
  { source: 'dashboard and npm run data-health: data health', text: PROVINCE_DATA_HEALTH },
  { source: '/me: record', text: MY_RECORD },
  { source: '/me: access log', text: MY_ACCESS_LOG },
];
