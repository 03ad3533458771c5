import type { OperationResult, TargetResult } from '../../../bench/harness';
import type { TargetName } from '../../../bench/targets';
import { signedSubgraphCpu, verdictsOf } from '../../../bench/verdicts';

const measured = (target: TargetName, requestsPerSecond: number, gatewayCpu: number, bySubgraph: Record<string, number>, p50 = 10): TargetResult =>
  ({
    target,
    label: target,
    requestsPerSecond,
    latency: { p50, p99: p50 * 2 },
    cpuMsPerRequest: { target: gatewayCpu, subgraphs: Object.values(bySubgraph).reduce((a, b) => a + b, 0), bySubgraph, loadGenerator: 0 },
  }) as unknown as TargetResult;

function operation(name: OperationResult['name'], subgraphs: string[], results: TargetResult[]): OperationResult {
  const lienthong = results.find((r) => r.target === 'lienthong')!;
  const ratios = Object.fromEntries(
    results.filter((r) => r.target !== 'lienthong').map((r) => [r.target, { throughput: Math.round((lienthong.requestsPerSecond / r.requestsPerSecond) * 100) / 100, p50: Math.round((lienthong.latency.p50 / r.latency.p50) * 100) / 100 }]),
  );
  return { name, description: '', subgraphs, connections: 50, results, ratios };
}

const verdict = (verdicts: ReturnType<typeof verdictsOf>, target: string) => verdicts.find((v) => v.target === target);

describe('the bench verdicts (issue 13 targets)', () => {
  const profile = operation('citizen-profile', ['residents', 'payments'], [
    measured('lienthong', 120, 3, { residents: 2.3, payments: 1.1, audit: 0 }),
    measured('apollo-gateway', 100, 6, { residents: 2, payments: 1, audit: 0 }),
    measured('hive-gateway', 100, 7, { residents: 2, payments: 1, audit: 0 }),
  ]);

  it('compares each subgraph the operation calls, signed against unsigned, and skips those that did no work', () => {
    expect(signedSubgraphCpu(profile)).toEqual([
      { subgraph: 'residents', signed: 2.3, unsigned: 2, ratio: 1.15 },
      { subgraph: 'payments', signed: 1.1, unsigned: 1, ratio: 1.1 },
    ]);
  });

  it('holds throughput to 1.1× Apollo and 1.3× Hive, gateway CPU to 0.6× Apollo, subgraph CPU to 1.15× unsigned', () => {
    const verdicts = verdictsOf([profile], 50);
    expect(verdict(verdicts, 'citizen-profile: throughput ≥ 1.1× @apollo/gateway')).toEqual({ target: 'citizen-profile: throughput ≥ 1.1× @apollo/gateway', met: true, detail: '1.2×' });
    expect(verdict(verdicts, 'citizen-profile: throughput ≥ 1.3× Hive Gateway')?.met).toBe(false);
    expect(verdict(verdicts, "citizen-profile: gateway CPU/request ≤ 0.6× @apollo/gateway's")?.met).toBe(true);
    expect(verdict(verdicts, 'citizen-profile: residents CPU/request signed ≤ 1.15× unsigned')?.met).toBe(true);
    expect(verdict(verdicts, 'citizen-profile: payments CPU/request signed ≤ 1.15× unsigned')?.met).toBe(true);
    expect(verdicts.some((v) => v.target.includes('audit'))).toBe(false);
  });

  it('asks 3× Hive Gateway of the cached dashboards', () => {
    const dashboard = operation('dashboard-all', ['residents'], [measured('lienthong', 290, 1, { residents: 0 }), measured('hive-gateway', 100, 5, { residents: 3 })]);
    expect(verdict(verdictsOf([dashboard], 50), 'dashboard-all: throughput ≥ 3× Hive Gateway')).toMatchObject({ met: false, detail: '2.9×' });
  });

  it('judges the look-up against the subgraph directly only at one connection', () => {
    const lookup = (connections: number) =>
      verdictsOf([operation('citizen-lookup', ['residents'], [measured('lienthong', 200, 1, { residents: 1 }, 2.4), measured('direct', 800, 0, { residents: 1 }, 1)])], connections);
    expect(lookup(50).some((v) => v.target.includes('the subgraph directly'))).toBe(false);
    expect(verdict(lookup(1), 'citizen-lookup: p50 at one connection ≤ 2.5× the subgraph directly')).toMatchObject({ met: true, detail: '2.4×' });
  });
});
