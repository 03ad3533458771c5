import pg from 'pg';
import { DASHBOARD_INDICATORS, type IndicatorOperations } from '../gateway/pages/operations';

/** The operations of issue 13's comparison: what a run measures unless told otherwise. */
export const DEFAULT_OPERATIONS = ['citizen-profile', 'province-dashboard', 'dashboard-all', 'dossier-page', 'citizen-lookup'] as const;

/** The dashboard's (gateway/pages): each indicator of all 34 provinces as /dashboard asks for it (all four in one request is `dashboard-all`, a default operation). */
export const DASHBOARD_OPERATIONS = ['dashboard-population', 'dashboard-staffing', 'dashboard-dossiers', 'dashboard-payments'] as const;

export const OPERATION_NAMES = [...DEFAULT_OPERATIONS, ...DASHBOARD_OPERATIONS] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

/** One set of inputs picked from the seeded data; a run cycles through the same list for every target. */
export interface Inputs {
  /** A civil servant with paid dossiers: every subgraph has something to say about them. */
  personalId: string;
  /** A province, the most populous first. */
  provinceCode: string;
}

export interface Operation {
  name: OperationName;
  description: string;
  /** The subgraphs a gateway calls to answer it. */
  subgraphs: readonly string[];
  query: string;
  /** Which of the document's operations to run, when it has several. */
  operationName?: string;
  variables(inputs: Inputs): Record<string, unknown>;
  /** Issue 12's target for the dashboard: p50 under this at a million citizens. */
  p50BudgetMs?: number;
  /** Fewer connections than the run's, for an operation so heavy that a gateway without a cache would queue answers past the load generator's timeout. */
  maxConnections?: number;
}

/** The dashboard's period is fixed so its figures never depend on the day of the run. */
const PERIOD = { from: '2026-01-01', to: '2026-10-31' };

/** Issue 12: dashboard queries for all 34 provinces answer under 300 ms at p50 with a million citizens. */
const DASHBOARD_P50_BUDGET_MS = 300;

const dashboardIndicator = (name: OperationName, { document, all }: IndicatorOperations, subgraph: string): Operation => ({
  name,
  description: `/dashboard's ${all}: one indicator of all 34 provinces, month by month over ten months`,
  // Province names come from residents; the indicator from its own subgraph (residents for the population).
  subgraphs: [...new Set(['residents', subgraph])],
  query: document,
  operationName: all,
  variables: () => ({ ...PERIOD, granularity: 'MONTH' }),
  p50BudgetMs: DASHBOARD_P50_BUDGET_MS,
});

/** All four indicators of all 34 provinces in one request, as a dashboard hosted elsewhere may ask. */
const DASHBOARD_ALL = `query DashboardAll($from: Date!, $to: Date!, $granularity: SeriesGranularity!) {
  provinces {
    code name
    populationSeries(from: $from, to: $to, granularity: $granularity) { from to total male female }
    staffing { agencies }
    staffingSeries(from: $from, to: $to, granularity: $granularity) { from to civilServants joined }
    dossierSeries(from: $from, to: $to, granularity: $granularity) { from to received online completed completedOnTime overdue }
    paymentSeries(from: $from, to: $to, granularity: $granularity) { from to transactions amountPaid byMethod { method transactions amountPaid } }
  }
}`;

export const OPERATIONS: Record<OperationName, Operation> = {
  'citizen-profile': {
    name: 'citizen-profile',
    description: 'one citizen across four subgraphs: identity and household, civil-service post, dossiers, payments',
    subgraphs: ['residents', 'civil-servants', 'public-services', 'payments'],
    query: `query CitizenProfile($personalId: PersonalId!) {
  citizen(personalId: $personalId) {
    fullName sex birthDate
    province { name }
    household { members { fullName relationshipToHead } }
    civilServant { position agency { name } rank { name } monthlySalary }
    dossiers(first: 5) { code procedure { name } status submittedAt payments { amount status method } feeStatus }
    payments(first: 5) { amount status }
  }
}`,
    variables: ({ personalId }) => ({ personalId }),
  },
  'province-dashboard': {
    name: 'province-dashboard',
    description: "one province's indicators, each from the subgraph that owns it",
    subgraphs: ['residents', 'civil-servants', 'public-services', 'payments'],
    query: `query ProvinceDashboard($code: ProvinceCode!, $from: Date!, $to: Date!) {
  province(code: $code) {
    name
    population { total male female byAgeBand { band total } }
    staffing { civilServants agencies }
    dossierStatistics(from: $from, to: $to) { received onlineShare onTimeRate overdue }
    paymentStatistics(from: $from, to: $to) { transactions amountPaid byMethod { method amountPaid } }
  }
}`,
    variables: ({ provinceCode }) => ({ code: provinceCode, ...PERIOD }),
  },
  'dossier-page': {
    name: 'dossier-page',
    description: 'a page of 50 dossiers with applicant and payments (entity batching)',
    subgraphs: ['public-services', 'residents', 'payments'],
    query: `query DossierPage($province: ProvinceCode!) {
  dossiers(first: 50, filter: { provinceCode: $province }) {
    edges { node {
      code status submittedAt
      procedure { name }
      applicant { fullName birthDate }
      feeStatus
      payments { amount status method }
    } }
  }
}`,
    variables: ({ provinceCode }) => ({ province: provinceCode }),
  },
  'dashboard-population': dashboardIndicator('dashboard-population', DASHBOARD_INDICATORS.population, 'residents'),
  'dashboard-staffing': dashboardIndicator('dashboard-staffing', DASHBOARD_INDICATORS.staffing, 'civil-servants'),
  'dashboard-dossiers': dashboardIndicator('dashboard-dossiers', DASHBOARD_INDICATORS.dossiers, 'public-services'),
  'dashboard-payments': dashboardIndicator('dashboard-payments', DASHBOARD_INDICATORS.payments, 'payments'),
  'dashboard-all': {
    name: 'dashboard-all',
    description: 'all four indicators of all 34 provinces, month by month over ten months, in one request',
    subgraphs: ['residents', 'civil-servants', 'public-services', 'payments'],
    query: DASHBOARD_ALL,
    variables: () => ({ ...PERIOD, granularity: 'MONTH' }),
    p50BudgetMs: DASHBOARD_P50_BUDGET_MS,
    // At 50 connections plain @apollo/gateway answers ≈ 19 a second and its slowest wait past 10 s; a dashboard page makes a few requests at a time.
    maxConnections: 10,
  },
  'citizen-lookup': {
    name: 'citizen-lookup',
    description: 'one citizen from the residents subgraph alone',
    subgraphs: ['residents'],
    query: `query CitizenLookup($personalId: PersonalId!) {
  citizen(personalId: $personalId) { personalId fullName sex birthDate address maritalStatus nationality }
}`,
    variables: ({ personalId }) => ({ personalId }),
  },
};

/** An operation answered by one subgraph alone can also be sent to that subgraph directly. */
export const singleSubgraphOf = (operation: Operation): string | null => (operation.subgraphs.length === 1 ? operation.subgraphs[0]! : null);

async function rows(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Picks up to `count` inputs from the seeded databases (URLs by subgraph name), deterministically:
 * the civil servants with the most paid dossiers, each paired with a province in order of population.
 */
export async function pickInputs(databaseUrls: Record<string, string>, count: number): Promise<Inputs[]> {
  const [servants, payers, provinces] = await Promise.all([
    rows(databaseUrls['civil-servants']!, 'SELECT personal_id FROM civil_servants'),
    rows(databaseUrls.payments!, "SELECT payer_id, count(*)::int AS paid FROM payments WHERE status = 'PAID' GROUP BY payer_id ORDER BY paid DESC, payer_id"),
    rows(databaseUrls.residents!, 'SELECT province_code, count(*)::int AS n FROM citizens GROUP BY province_code ORDER BY n DESC, province_code'),
  ]);
  const servant = new Set(servants.map((row) => row.personal_id as string));
  const citizens = payers.map((row) => row.payer_id as string).filter((id) => servant.has(id)).slice(0, count);
  if (citizens.length === 0) throw new Error('The seeded data has no civil servant with a paid dossier; use a larger --scale');
  const codes = provinces.map((row) => row.province_code as string);
  return Array.from({ length: Math.min(count, Math.max(citizens.length, codes.length)) }, (_, i) => ({
    personalId: citizens[i % citizens.length]!,
    provinceCode: codes[i % codes.length]!,
  }));
}
