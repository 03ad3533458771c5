import type { OperationResult, TargetResult, Verdict } from './harness';
import { OPERATIONS, type OperationName } from './operations';

/** Issue 13: LiênThông against plain @apollo/gateway and Hive Gateway in requests per second. */
const THROUGHPUT_OVER_APOLLO = 1.1;
const THROUGHPUT_OVER_HIVE = 1.3;
/** Issue 13: each subgraph's CPU per request when signed, over the same subgraph answering unsigned. */
const SIGNED_SUBGRAPH_CPU = 1.15;
/** Issue 13: LiênThông's gateway CPU per request over plain @apollo/gateway's. */
const GATEWAY_CPU_OVER_APOLLO = 0.6;
/** Issue 13: dashboards through the aggregate cache over Hive Gateway. */
const DASHBOARD_OVER_HIVE = 3;
const CACHED_DASHBOARDS: readonly OperationName[] = ['province-dashboard', 'dashboard-all'];
/** Issue 13: the single-subgraph look-up's p50 at one connection over the subgraph called directly. */
const LOOKUP_P50_OVER_DIRECT = 2.5;
/** Issue 8: what the admission checks (limits, cost, budgets) may cost in throughput. */
const ADMISSION_THROUGHPUT = 0.95;

export const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100) / 100);

/**
 * Each subgraph's CPU per request under LiênThông (signed) over the same under plain
 * @apollo/gateway (unsigned), for the subgraphs the operation calls and that did work unsigned.
 */
export function signedSubgraphCpu(op: OperationResult): { subgraph: string; signed: number; unsigned: number; ratio: number }[] {
  const signed = op.results.find((r) => r.target === 'lienthong');
  const unsigned = op.results.find((r) => r.target === 'apollo-gateway');
  if (!signed || !unsigned) return [];
  return op.subgraphs
    .filter((name) => (unsigned.cpuMsPerRequest.bySubgraph[name] ?? 0) > 0)
    .map((name) => {
      const s = signed.cpuMsPerRequest.bySubgraph[name] ?? 0;
      const u = unsigned.cpuMsPerRequest.bySubgraph[name]!;
      return { subgraph: name, signed: s, unsigned: u, ratio: ratio(s, u) };
    });
}

const resultOf = (op: OperationResult, target: TargetResult['target']) => op.results.find((r) => r.target === target);

/** The targets of issues 8, 12 and 13 that this run measured, each met or missed. */
export function verdictsOf(operations: readonly OperationResult[], connections: number): Verdict[] {
  const verdicts: Verdict[] = [];
  const add = (target: string, measured: number, met: boolean, unit = '×') => verdicts.push({ target, met, detail: `${measured}${unit}` });
  for (const op of operations) {
    const { ratios, name } = op;
    const lienthong = resultOf(op, 'lienthong');
    const apollo = resultOf(op, 'apollo-gateway');
    if (ratios['lienthong-unchecked']) add(`${name}: limits, cost and budgets cost ≤ 5% throughput`, ratios['lienthong-unchecked'].throughput, ratios['lienthong-unchecked'].throughput >= ADMISSION_THROUGHPUT);
    const budget = OPERATIONS[name].p50BudgetMs;
    if (budget !== undefined && lienthong) add(`${name}: p50 < ${budget} ms`, lienthong.latency.p50, lienthong.latency.p50 < budget, ' ms');
    if (ratios['apollo-gateway']) add(`${name}: throughput ≥ ${THROUGHPUT_OVER_APOLLO}× @apollo/gateway`, ratios['apollo-gateway'].throughput, ratios['apollo-gateway'].throughput >= THROUGHPUT_OVER_APOLLO);
    if (ratios['hive-gateway']) {
      const floor = CACHED_DASHBOARDS.includes(name) ? DASHBOARD_OVER_HIVE : THROUGHPUT_OVER_HIVE;
      add(`${name}: throughput ≥ ${floor}× Hive Gateway`, ratios['hive-gateway'].throughput, ratios['hive-gateway'].throughput >= floor);
    }
    if (lienthong && apollo) {
      const gatewayCpu = ratio(lienthong.cpuMsPerRequest.target, apollo.cpuMsPerRequest.target);
      add(`${name}: gateway CPU/request ≤ ${GATEWAY_CPU_OVER_APOLLO}× @apollo/gateway's`, gatewayCpu, gatewayCpu <= GATEWAY_CPU_OVER_APOLLO);
    }
    for (const s of signedSubgraphCpu(op)) add(`${name}: ${s.subgraph} CPU/request signed ≤ ${SIGNED_SUBGRAPH_CPU}× unsigned`, s.ratio, s.ratio <= SIGNED_SUBGRAPH_CPU);
    if (ratios.direct && connections === 1) add(`${name}: p50 at one connection ≤ ${LOOKUP_P50_OVER_DIRECT}× the subgraph directly`, ratios.direct.p50, ratios.direct.p50 <= LOOKUP_P50_OVER_DIRECT);
  }
  return verdicts;
}
